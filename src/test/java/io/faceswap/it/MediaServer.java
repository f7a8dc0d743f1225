package io.faceswap.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves test media on 127.0.0.1 only: files, redirects, HTTP errors, and responses held back until the test
 * releases them (to keep a task busy for as long as a test needs). Like most media servers it honours a single
 * {@code Range: bytes=a-b} with 206, and it counts the body bytes it sent for each name.
 */
public final class MediaServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> sent = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> ranged = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)");

    public MediaServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    public URI serve(String name, Path file) {
        files.put(name, file);
        return url(name);
    }

    public URI redirect(String name, String location) {
        redirects.put(name, location);
        return url(name);
    }

    /** The file is served only once {@link #release(String)} is called (or after two minutes). */
    public URI serveHeld(String name, Path file) {
        holds.put(name, new CountDownLatch(1));
        return serve(name, file);
    }

    /** A name with no file: answered 404, but only once {@link #release(String)} is called (or after two minutes). */
    public URI holdMissing(String name) {
        holds.put(name, new CountDownLatch(1));
        return url(name);
    }

    /** Body bytes sent for {@code name} so far, over every request. */
    public long bytesSent(String name) {
        java.util.concurrent.atomic.AtomicLong n = sent.get(name);
        return n == null ? 0 : n.get();
    }

    /** Requests for {@code name} answered 206 with a part of the file. */
    public int rangeRequests(String name) {
        java.util.concurrent.atomic.AtomicInteger n = ranged.get(name);
        return n == null ? 0 : n.get();
    }

    public void release(String name) {
        CountDownLatch latch = holds.get(name);
        if (latch != null) {
            latch.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        try (exchange) {
            if (redirects.containsKey(name)) {
                exchange.getResponseHeaders().add("Location", redirects.get(name));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            CountDownLatch hold = holds.get(name);
            if (hold != null) {
                hold.await(2, TimeUnit.MINUTES);
            }
            Path file = files.get(name);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            long from = 0;
            long to = size - 1;
            java.util.regex.Matcher range =
                    RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            if (range.matches() && Long.parseLong(range.group(1)) < size) {
                from = Long.parseLong(range.group(1));
                to = range.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(range.group(2)));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + size);
                exchange.sendResponseHeaders(206, to - from + 1);
                ranged.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
            } else {
                exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
                exchange.sendResponseHeaders(200, size);
            }
            try (OutputStream out = exchange.getResponseBody();
                    java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
                java.nio.channels.WritableByteChannel body = java.nio.channels.Channels.newChannel(out);
                for (long at = from; at <= to; ) {
                    long n = in.transferTo(at, to - at + 1, body);
                    at += n;
                    sent.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicLong())
                            .addAndGet(n);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}
