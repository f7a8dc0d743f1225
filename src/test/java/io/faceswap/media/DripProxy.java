package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay that passes the client's bytes on at once but the server's back one byte per interval.
 * In front of a TLS server it stretches the handshake itself, below anything an HTTP library parses.
 */
final class DripProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final long intervalMillis;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    DripProxy(int upstreamPort, long intervalMillis) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.intervalMillis = intervalMillis;
        start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(client);
                sockets.add(upstream);
                start(() -> pump(client, upstream, 0));
                start(() -> pump(upstream, client, intervalMillis));
            } catch (IOException e) {
                return; // closed by the test
            }
        }
    }

    private static void pump(Socket from, Socket to, long interval) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] one = new byte[interval == 0 ? 8192 : 1];
            int n;
            while ((n = in.read(one)) != -1) {
                out.write(one, 0, n);
                out.flush();
                if (interval > 0) {
                    Thread.sleep(interval);
                }
            }
        } catch (IOException | InterruptedException e) {
            // one side hung up
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void start(Runnable task) {
        Thread t = new Thread(task, "drip-proxy");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
