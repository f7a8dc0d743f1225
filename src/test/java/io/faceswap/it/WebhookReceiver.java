package io.faceswap.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A callback receiver on 127.0.0.1: records every POST (headers, body, time) per path and answers each path with
 * the statuses it was scripted with, then 200. Any other path is 404 (handy as a media URL that fails a task fast).
 */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(Instant at, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** A path that answers {@code statuses} in turn, then 200. */
    public URI hook(String name, Integer... statuses) {
        scripts.put(name, new ArrayDeque<>(List.of(statuses)));
        received.put(name, new CopyOnWriteArrayList<>());
        return url(name);
    }

    /** From now on the path answers 200. */
    public void accept(String name) {
        scripts.get(name).clear();
    }

    public URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    public List<Received> received(String name) {
        return received.getOrDefault(name, List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Deque<Integer> script = scripts.get(name);
            if (script == null || !exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            received.get(name).add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
            Integer status;
            synchronized (script) {
                status = script.poll();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
