package io.faceswap.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Opens the TCP connection to an already vetted address. Package-private seam: production always uses {@link
 * #DIRECT}; tests substitute a dialer that routes every vetted "public" address to their loopback server, so that
 * validation and the physical connection target can be exercised separately without any outside traffic.
 */
@FunctionalInterface
interface Dialer {

    Dialer DIRECT = (address, timeoutMillis) -> {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    };

    Socket connect(InetSocketAddress vettedAddress, int timeoutMillis) throws IOException;
}
