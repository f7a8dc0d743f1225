package io.faceswap.media;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 exchange over a socket connected to a vetted IP address, never to a name: this is the DNS pinning.
 * For https the TLS layer is told the original host name, so SNI is sent for it and the certificate is verified
 * against it (endpoint identification "HTTPS"), exactly as if the name had been resolved again, but without
 * resolving it again.
 */
final class PinnedConnection implements Closeable {

    private final Socket socket;
    private final InputStream in;

    private PinnedConnection(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    static PinnedConnection open(TargetUrl target, List<InetAddress> vetted, FetchPolicy policy, Deadline deadline,
                                 Dialer dialer, SSLSocketFactory tls) {
        Socket socket = connectToAny(target, vetted, policy, deadline, dialer);
        try {
            if (target.https()) {
                socket = startTls(socket, target, policy, deadline, tls);
            }
            return new PinnedConnection(socket,
                    new BufferedInputStream(new DeadlineInputStream(socket, deadline, policy.readTimeout()), 16 * 1024));
        } catch (IOException e) {
            closeQuietly(socket);
            throw IoFailures.toFetchException(e, MediaFetchError.UNREACHABLE, "could not connect to " + target.redacted(), deadline);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Sends a GET for the target and reads the response head; the body is then read from the response. */
    HttpResponse get(TargetUrl target, FetchPolicy policy) throws IOException {
        String request = "GET " + target.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + policy.userAgent() + "\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n" // we count and store raw bytes; compression would defeat both
                + "Connection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(HttpLines.ascii(request));
        out.flush();
        return HttpResponse.read(in);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static Socket connectToAny(TargetUrl target, List<InetAddress> vetted, FetchPolicy policy,
                                       Deadline deadline, Dialer dialer) {
        IOException last = null;
        for (InetAddress address : vetted) {
            try {
                return dialer.connect(new InetSocketAddress(address, target.port()), deadline.timeoutMillis(policy.connectTimeout()));
            } catch (IOException e) {
                last = e; // try the next vetted address, as browsers do, while the budget lasts
                if (deadline.expired()) {
                    break;
                }
            }
        }
        throw IoFailures.toFetchException(last, MediaFetchError.UNREACHABLE, "could not connect to " + target.redacted(), deadline);
    }

    private static Socket startTls(Socket plain, TargetUrl target, FetchPolicy policy, Deadline deadline,
                                   SSLSocketFactory tls) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, target.bareHost(), target.port(), true);
        try {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.isIpLiteral()) {
                parameters.setServerNames(List.of(new SNIHostName(target.bareHost())));
            }
            ssl.setSSLParameters(parameters);
            ssl.setSoTimeout(deadline.timeoutMillis(policy.readTimeout()));
            ssl.startHandshake();
            return ssl;
        } catch (SSLException | IllegalArgumentException e) {
            closeQuietly(ssl);
            throw new MediaFetchException(MediaFetchError.TLS_ERROR, "TLS handshake with " + target.redacted() + " failed", e);
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing useful to do: the connection is being abandoned anyway
        }
    }
}
