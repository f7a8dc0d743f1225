package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A hostile loopback server, plain or TLS: after reading the request it sends a response head (fast or one byte at
 * a time) and then a body one byte per interval, for ever. Each single byte arrives well inside any per-read limit,
 * so only a deadline over the whole call can stop the client.
 */
final class DripServer implements AutoCloseable {

    private final ServerSocket server;
    private final boolean tls;
    private final byte[] head;
    private final boolean dripHead;
    private final long intervalMillis;
    private final AtomicInteger requestsRead = new AtomicInteger();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private DripServer(SSLContext tlsContext, boolean dripHead, long intervalMillis) throws IOException {
        this.tls = tlsContext != null;
        this.server = tls
                ? tlsContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // the padding makes a dripped head take far longer than any test deadline
        this.head = ("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 1000000\r\nX-Padding: "
                        + "x".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        this.dripHead = dripHead;
        this.intervalMillis = intervalMillis;
        Thread acceptor = new Thread(this::acceptLoop, "drip-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static DripServer plain(boolean dripHead, long intervalMillis) throws IOException {
        return new DripServer(null, dripHead, intervalMillis);
    }

    static DripServer tls(SSLContext context, boolean dripHead, long intervalMillis) throws IOException {
        return new DripServer(context, dripHead, intervalMillis);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Requests whose head was read completely; for TLS that also means the handshake finished. */
    int requestsRead() {
        return requestsRead.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "drip-server-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            readRequestHead(client.getInputStream()); // for TLS, this runs the handshake
            requestsRead.incrementAndGet();
            OutputStream out = client.getOutputStream();
            if (dripHead) {
                drip(out, head);
            } else {
                out.write(head);
                out.flush();
            }
            drip(out, new byte[1_000_000]);
        } catch (IOException | InterruptedException e) {
            // the client hung up or the test closed us: either way this connection is done
        }
    }

    private void drip(OutputStream out, byte[] bytes) throws IOException, InterruptedException {
        for (byte b : bytes) {
            out.write(b);
            out.flush(); // over TLS, one record per byte
            Thread.sleep(intervalMillis);
        }
    }

    static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int c;
        while (matched < 4 && (c = in.read()) != -1) {
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
