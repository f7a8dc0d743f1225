package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM is killed (SIGKILL) while a task is half done; after the next start the task is resumed from its
 * checkpoints and succeeds with the right result, and the frames swapped by both runs together are fewer than twice
 * the video's (committed chunks were not redone).
 */
class CrashResumeIT {

    @Test
    void aKilledServerResumesTheTaskFromItsCheckpoints() throws Exception {
        Path clip =
                TestVideos.movingFace("crash", TestImages.ASTRONAUT, 640, 360, 25, 400, true, TestVideos.Format.MP4);
        try (MediaServer media = new MediaServer();
                ServerProcess server =
                        ServerProcess.prepare("crash", 300, "-Dclipzap.media.allow-private-networks=true")) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            String user = ApiClient.uniqueUser("crash");
            String sk = api.paidKey(user, 60);
            Reply created = api.createTask(
                    String.format(
                            "{\"title\":\"crash\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":16}",
                            media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER)),
                            media.serve("crash.mp4", clip)),
                    sk);
            String id = created.data().getString("id");

            JsonObject midway =
                    Await.until("progress between 10 and 70", Duration.ofSeconds(180), () -> adminTask(api, id), t -> {
                        int p = t.getJsonObject("task").getInt("progress");
                        return p >= 10 && p <= 70
                                || !t.getJsonObject("task").getString("status").equals("processing")
                                        && !t.getJsonObject("task")
                                                .getString("status")
                                                .equals("queued");
                    });
            assertEquals("processing", midway.getJsonObject("task").getString("status"), midway::toString);
            long executionBefore = midway.getJsonNumber("jobExecutionId").longValue();
            server.kill();

            server.start();
            JsonObject done = Await.until(
                    "the task to end after the restart",
                    Duration.ofSeconds(300),
                    () -> adminTask(api, id),
                    t -> List.of("succeeded", "failed", "canceled")
                            .contains(t.getJsonObject("task").getString("status")));
            assertEquals("succeeded", done.getJsonObject("task").getString("status"), done::toString);
            assertTrue(
                    done.getJsonNumber("jobExecutionId").longValue() != executionBefore,
                    "a new execution resumed the job");
            long frames = done.getJsonObject("task").getJsonNumber("frames").longValue();
            long processed = done.getJsonNumber("framesProcessed").longValue();
            assertEquals(400, frames);
            assertTrue(
                    processed >= frames && processed < 2 * frames,
                    "frames processed across both runs: " + processed + " for " + frames);

            Path result = ApiClientFiles.download(
                            api,
                            done.getJsonObject("task").getString("resultUrl"),
                            sk,
                            TestVideos.dir().resolve("crash-result.mp4"))
                    .body();
            VideoInfo in = VideoProbe.probe(clip, VideoLimits.DEFAULT);
            VideoInfo out = VideoProbe.probe(result, VideoLimits.DEFAULT);
            assertEquals(in.frameCount(), out.frameCount());
            assertEquals(in.audioDurationSeconds(), out.audioDurationSeconds(), 0.05);
            TaskFlowIT.assertFaceSwapped(clip, result, 40, 120, 200, 280, 360);
            JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
            assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
            assertEquals(16, account.getJsonNumber("spentSeconds").longValue());
        }
    }

    private static JsonObject adminTask(ApiClient api, String id) {
        return api.adminGet("/v1/admin/tasks/" + id).data();
    }
}
