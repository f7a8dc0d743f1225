package io.faceswap.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.it.Await;
import io.faceswap.it.Deployments;
import jakarta.inject.Inject;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: liveness (/health/live on the management port) is UP while the dispatcher ticks, and DOWN,
 * naming the dispatcher, within three of its periods (2 s each) once the test stops it (the hook: the dispatcher's
 * own stop, as at undeploy). The deployment is thrown away after this test.
 */
@ExtendWith(ArquillianExtension.class)
class LivenessIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWar().addClasses(Await.class, Deployments.class);
    }

    @Inject
    TaskDispatcher dispatcher;

    @Test
    void livenessFailsWhenTheDispatcherStops() {
        URI live = URI.create("http://127.0.0.1:" + (9990 + Integer.getInteger("jboss.socket.binding.port-offset", 0))
                + "/health/live");
        Await.until("liveness UP", Duration.ofSeconds(60), () -> get(live), r -> r.status == 200);

        dispatcher.stop();
        long stopped = System.nanoTime();
        Reply down = Await.until("liveness DOWN", Duration.ofSeconds(30), () -> get(live), r -> r.status == 503);
        long tookMillis = (System.nanoTime() - stopped) / 1_000_000;
        assertEquals("DOWN", check(down.body, "dispatcher").getString("status"), down.body);
        assertEquals("UP", check(down.body, "lease-keeper").getString("status"), down.body);
        System.out.println("LivenessIT: DOWN " + tookMillis + " ms after the dispatcher stopped: " + down.body);
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
