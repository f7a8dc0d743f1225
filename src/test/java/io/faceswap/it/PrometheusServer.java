package io.faceswap.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) scraping one target every second, started and stopped by
 * the test that owns it, on a free loopback port with its data under target/. Queried through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {
    private final Process process;
    private final URI api;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The binary, if this machine has one (PATH, then Debian's place). */
    public static Optional<Path> binary() {
        return Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                                .filter(d -> !d.isEmpty())
                                .map(d -> Path.of(d, "prometheus")),
                        Stream.of(Path.of("/usr/bin/prometheus")))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public PrometheusServer(Path binary, String target, String metricsPath) throws IOException {
        Path dir = Path.of("target", "prometheus-it").toAbsolutePath();
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: clipzap
                    metrics_path: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(metricsPath, target));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        process = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data-" + System.nanoTime()),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
    }

    /** The instant vector of {@code promql}, as Prometheus's JSON result array (empty when no series matched). */
    public JsonArray query(String promql) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(
                                    api.resolve("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
            if (!"success".equals(body.getString("status"))) {
                throw new AssertionError("Prometheus refused " + promql + ": " + r.body());
            }
            return body.getJsonObject("data").getJsonArray("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The single value of {@code promql}, if it has one series. */
    public OptionalDouble value(String promql) {
        JsonArray result = query(promql);
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new AssertionError(promql + " matched " + result.size() + " series: " + result);
        }
        return OptionalDouble.of(
                Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1)));
    }

    /** Whether the process answers its API (it is up once this is true). */
    public boolean ready() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(api.resolve("status/buildinfo"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
