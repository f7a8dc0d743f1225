package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes the node's /metrics (management port, no credentials) while it runs two tasks of one
 * user: the first succeeds, the second waits in the queue behind it (one task per user at a time) and then fails
 * with URL_HTTP_ERROR. Prometheus's HTTP API then shows the ended counters with their status and code, the queue
 * depth going up and back to 0, and the duration histogram counting both tasks.
 */
class PrometheusIT extends DeployedWarIT {
    private static final Duration WAIT = Duration.ofSeconds(180);

    @Test
    void prometheusSeesTasksEndQueueAndDurations() throws Exception {
        Optional<Path> binary = PrometheusServer.binary();
        Assumptions.assumeTrue(
                binary.isPresent(), "No prometheus binary on this machine (Debian: apt-get install prometheus)");
        ApiClient api = ApiClient.of(base);
        Path clip = TestVideos.movingFace("prom", TestImages.ASTRONAUT, 320, 240, 25, 25, true, TestVideos.Format.MP4);
        try (MediaServer media = new MediaServer();
                PrometheusServer prometheus = new PrometheusServer(
                        binary.get(), "127.0.0.1:" + System.getProperty("it.management.port", "9990"), "/metrics")) {
            Await.until("prometheus to answer", Duration.ofSeconds(60), prometheus::ready, ready -> ready);
            Await.until(
                    "the first scrape of the node",
                    Duration.ofSeconds(60),
                    () -> prometheus.value("up{job=\"clipzap\"}"),
                    up -> up.isPresent() && up.getAsDouble() == 1.0);
            double succeededBefore = orZero(prometheus.value(ended("succeeded", "none")));
            double failedBefore = orZero(prometheus.value(ended("failed", "URL_HTTP_ERROR")));
            double durationsBefore = orZero(prometheus.value("clipzap_task_duration_seconds_count"));

            String user = ApiClient.uniqueUser("prom");
            String sk = api.paidKey(user, 60);
            media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI heldVideo = media.serveHeld("clip.mp4", clip); // the first task runs until the test lets it go on
            String first = create(api, sk, media.url("hopper.jpg"), heldVideo);
            String second = create(api, sk, media.url("missing.jpg"), media.url("clip.mp4"));

            Await.until(
                    "Prometheus to see the second task queued",
                    Duration.ofSeconds(20), // the first task's video download gives up after 30 s
                    () -> prometheus.value("clipzap_queue_depth"),
                    v -> v.isPresent() && v.getAsDouble() >= 1);
            media.release("clip.mp4");
            assertEquals("succeeded", awaitEnd(api, sk, first).getString("status"));
            JsonObject failed = awaitEnd(api, sk, second);
            assertEquals("failed", failed.getString("status"), failed::toString);

            Await.until(
                    "the ended counters to count both tasks",
                    Duration.ofSeconds(60),
                    () -> List.of(
                            orZero(prometheus.value(ended("succeeded", "none"))) - succeededBefore,
                            orZero(prometheus.value(ended("failed", "URL_HTTP_ERROR"))) - failedBefore),
                    d -> d.equals(List.of(1.0, 1.0)));
            Await.until(
                    "the queue depth back to 0",
                    Duration.ofSeconds(60),
                    () -> prometheus.value("clipzap_queue_depth"),
                    v -> v.isPresent() && v.getAsDouble() == 0);
            double maxDepth =
                    prometheus.value("max_over_time(clipzap_queue_depth[10m])").getAsDouble();
            assertTrue(maxDepth >= 1, "queue depth seen at most " + maxDepth);
            Await.until(
                    "the duration histogram to count both tasks",
                    Duration.ofSeconds(60),
                    () -> orZero(prometheus.value("clipzap_task_duration_seconds_count")) - durationsBefore,
                    d -> d == 2.0);
            double buckets = prometheus
                    .value("count(clipzap_task_duration_seconds_bucket)")
                    .getAsDouble();
            assertTrue(buckets >= 10, "the histogram has its fixed buckets: " + buckets);
        }
    }

    private static String ended(String status, String code) {
        return "clipzap_tasks_ended_total{status=\"" + status + "\",error_code=\"" + code + "\"}";
    }

    private static double orZero(OptionalDouble v) {
        return v.orElse(0);
    }

    private static String create(ApiClient api, String sk, URI image, URI video) {
        Reply created = api.createTask(
                String.format(
                        "{\"title\":\"prom\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":2}", image, video),
                sk);
        assertEquals(201, created.status(), created::toString);
        return created.data().getString("id");
    }

    private static JsonObject awaitEnd(ApiClient api, String sk, String id) {
        return Await.until(
                "task " + id + " to end",
                WAIT,
                () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0),
                t -> List.of("succeeded", "failed", "canceled").contains(t.getString("status")));
    }
}
