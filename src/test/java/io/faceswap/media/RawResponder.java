package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A loopback socket that answers each connection with canned bytes, for responses HttpServer cannot produce
 * (close-delimited bodies, broken framing). With no response set, it never accepts: the kernel still completes the
 * TCP handshake, so a client connects and then waits for an answer that never comes.
 */
final class RawResponder implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    private RawResponder(String response) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = response == null
                ? null
                : new Thread(() -> serve(response.getBytes(StandardCharsets.ISO_8859_1)), "raw-responder");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    static RawResponder answering(String response) throws IOException {
        return new RawResponder(response);
    }

    static RawResponder silent() throws IOException {
        return new RawResponder(null);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    private void serve(byte[] response) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                readRequestHead(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(response);
                out.flush();
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int c;
        while (matched < 4 && (c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
