package io.faceswap.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * The sockets OkHttp connects with. Each one classifies the address it is asked to connect to, immediately before
 * connecting. The DNS hook already returns only vetted addresses, but OkHttp skips DNS for IP literals and nothing
 * else in the library knows our rules: this is the one place every connection passes, so the rule holds even if a
 * future change (a proxy, a retry path, a parser difference) routes around the earlier checks.
 */
final class VettingSocketFactory extends SocketFactory {

    /** A connection to a refused address was attempted; {@link IoFailures} maps it to {@code FORBIDDEN_ADDRESS}. */
    static final class RefusedAddressException extends SocketException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivateNetworks;
    private final Dialer dialer;

    VettingSocketFactory(boolean allowPrivateNetworks, Dialer dialer) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.dialer = dialer;
    }

    @Override
    public Socket createSocket() {
        return new VettedSocket();
    }

    // OkHttp only creates unconnected sockets; the connecting variants would bypass the check, so they are refused
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new SocketException("only unconnected sockets are supported");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new SocketException("only unconnected sockets are supported");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new SocketException("only unconnected sockets are supported");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new SocketException("only unconnected sockets are supported");
    }

    private final class VettedSocket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress inet) || inet.isUnresolved()) {
                throw new RefusedAddressException("connection to an unresolved address refused");
            }
            AddressKind kind = AddressClassifier.classify(inet.getAddress());
            if (!kind.allowed(allowPrivateNetworks)) {
                throw new RefusedAddressException("connection to a " + kind + " address refused");
            }
            super.connect(dialer.destination(inet), timeout);
        }
    }
}
