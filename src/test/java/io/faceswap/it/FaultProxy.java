package io.faceswap.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of one server, that can cut its clients off as a network partition would: while
 * frozen it accepts connections but forwards no byte in either direction (what was read waits), so the clients'
 * connections hang until their own timeouts; thawed, it forwards again. Every connection is two daemon threads;
 * closing the proxy closes every socket it opened.
 */
final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean frozen;

    FaultProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread opener = new Thread(() -> open(client), "fault-proxy-open");
                opener.setDaemon(true);
                opener.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void open(Socket client) {
        try {
            awaitThawed(); // a connection made during a partition gets no answer: not even the server's greeting
            Socket server = new Socket();
            sockets.add(server);
            server.connect(upstream, 5000);
            pump(client.getInputStream(), server.getOutputStream(), client, server);
            pump(server.getInputStream(), client.getOutputStream(), server, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private void pump(InputStream in, OutputStream out, Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            awaitThawed(); // frozen: the bytes read wait here, as in a partitioned network
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side closed or reset: close both
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "fault-proxy-pump");
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
        thaw();
        listener.close();
        sockets.forEach(FaultProxy::closeQuietly);
    }
}
