package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client's X-Request-Id comes back in the response and is in the server's log lines of that request and of the
 * job that runs the task it created (on batch threads, after the request ended); an unusable id is replaced.
 */
class RequestIdIT extends DeployedWarIT {
    private static final Path SERVER_LOG =
            Path.of(System.getProperty("jboss.home", "target/server"), "standalone", "log", "server.log");

    @Test
    void theClientsIdIsEchoedAndLoggedByTheRequestAndByTheTasksJob() throws Exception {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("rid");
        String sk = api.paidKey(user, 60);
        String rid = "it-" + UUID.randomUUID();
        Path clip = TestVideos.movingFace("rid", TestImages.ASTRONAUT, 320, 240, 25, 25, true, TestVideos.Format.MP4);
        try (MediaServer media = new MediaServer()) {
            media.serve("clip.mp4", clip);
            media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            Reply created = api.post(
                    "/v1/faceswap_openapi/create",
                    String.format(
                            "{\"title\":\"rid\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":1}",
                            media.url("hopper.jpg"), media.url("clip.mp4")),
                    "X-ClipZap-Apikey",
                    sk,
                    "X-Request-Id",
                    rid);
            assertEquals(201, created.status(), created::toString);
            assertEquals(List.of(rid), created.headers().get("x-request-id"));
            String task = created.data().getString("id");

            String tagged = "rid=" + rid + " task=" + task + " user=" + user;
            List<String> requestLines = Await.until(
                    "the request's log line",
                    Duration.ofSeconds(30),
                    () -> linesWith(tagged, "queued"),
                    l -> !l.isEmpty());
            assertEquals(1, requestLines.size(), requestLines::toString);
            // the job runs later, on batch threads: its start, each partition's frames, its end
            List<String> jobLines = Await.until(
                    "the job's log lines",
                    Duration.ofSeconds(180),
                    () -> linesWith(tagged, "job execution"),
                    l -> l.stream().anyMatch(s -> s.contains("ended")));
            assertTrue(jobLines.stream().anyMatch(s -> s.contains("starts")), jobLines::toString);
            List<String> partitionLines = linesWith(tagged, "frames/s");
            assertTrue(!partitionLines.isEmpty(), "a partition's line carries the request id too");
            assertTrue(
                    partitionLines.stream().noneMatch(s -> s.contains("(default task-")),
                    "written by batch threads, not the request's: " + partitionLines);
        }
    }

    @Test
    void anUnusableIdIsReplacedAndAMissingOneIsMade() {
        ApiClient api = ApiClient.of(base);
        String forged = "x\" level=ERROR " + "y".repeat(80);
        Reply replaced = api.send(
                api.request("/health").header("X-Request-Id", forged).GET().build());
        String given = replaced.headers().get("x-request-id").get(0);
        assertNotEquals(forged, given);
        assertEquals(UUID.fromString(given).toString(), given);

        Reply made = api.send(api.request("/health").GET().build());
        String other = made.headers().get("x-request-id").get(0);
        assertEquals(UUID.fromString(other).toString(), other);
        assertNotEquals(given, other);
    }

    private static List<String> linesWith(String tag, String text) {
        try {
            return Files.readAllLines(SERVER_LOG).stream()
                    .filter(l -> l.contains("[" + tag + "]") && l.contains(text))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
