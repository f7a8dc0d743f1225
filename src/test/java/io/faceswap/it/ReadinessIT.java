package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Readiness (/health/ready on the management port) follows the database: UP, then DOWN with the database check
 * named once this run's PostgreSQL server is stopped, then UP again once it is started. Liveness stays UP all
 * along: an outage is not a reason to restart a node. PostgreSQL run only (H2 is inside the server).
 */
class ReadinessIT extends DeployedWarIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBack() throws Exception {
        Assumptions.assumeTrue(PostgresSession.active(), "needs the PostgreSQL run's server, which the test stops");
        String management = "http://127.0.0.1:" + System.getProperty("it.management.port", "9990");
        URI ready = URI.create(management + "/health/ready");
        URI live = URI.create(management + "/health/live");
        Await.until("ready", Duration.ofSeconds(60), () -> get(ready), r -> r.status == 200);

        PostgresControl.stop();
        long stopped = System.nanoTime();
        try {
            Reply down = Await.until("not ready", Duration.ofSeconds(30), () -> get(ready), r -> r.status == 503);
            System.out.println("ReadinessIT: DOWN " + (System.nanoTime() - stopped) / 1_000_000 + " ms after the stop");
            assertEquals("DOWN", check(down.body, "database").getString("status"), down.body);
            assertEquals("UP", check(down.body, "storage").getString("status"), down.body);
            Reply stillLive = get(live);
            assertEquals(200, stillLive.status, stillLive.body);
        } finally {
            PostgresControl.start();
        }
        long started = System.nanoTime();
        Reply up = Await.until("ready again", Duration.ofSeconds(90), () -> get(ready), r -> r.status == 200);
        System.out.println("ReadinessIT: UP " + (System.nanoTime() - started) / 1_000_000 + " ms after the start");
        assertEquals("UP", check(up.body, "database").getString("status"), up.body);
    }

    private record Reply(int status, String body) {}

    private static Reply get(URI uri) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject check(String body, String name) {
        return Json.createReader(new StringReader(body)).readObject().getJsonArray("checks").stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
    }
}
