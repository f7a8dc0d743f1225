package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Four tasks created at the same moment on a freshly started server, with four running slots: their jobs load the
 * face models at once, which once failed one of them ("Unsupported operator type RELU" from OpenCV's TFLite
 * importer). All four succeed.
 */
class ConcurrentStartIT {

    @Test
    void fourTasksStartingTogetherOnAFreshServerAllSucceed() throws Exception {
        try (MediaServer media = new MediaServer();
                ServerProcess server = ServerProcess.prepare(
                        "concurrent-start",
                        700,
                        "-Dclipzap.media.allow-private-networks=true",
                        "-Dclipzap.tasks.max-running=4",
                        "-Dclipzap.tasks.max-running-per-user=4")) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "start.mp4",
                    TestVideos.movingFace(
                            "concurrent-start", TestImages.ASTRONAUT, 320, 180, 25, 50, true, TestVideos.Format.MP4));
            server.start();
            ApiClient api = new ApiClient(server.base());
            String sk = api.paidKey(ApiClient.uniqueUser("together"), 100);
            List<CompletableFuture<String>> creates = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                creates.add(CompletableFuture.supplyAsync(() -> api.createTask(
                                "{\"imageUrl\":\"" + photo + "\",\"videoUrl\":\"" + video + "\",\"duration\":2}", sk)
                        .data()
                        .getString("id")));
            }
            for (CompletableFuture<String> create : creates) {
                String id = create.get();
                JsonObject done = Await.until(
                        "task " + id,
                        Duration.ofSeconds(300),
                        () -> api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"),
                        t -> !List.of("queued", "processing").contains(t.getString("status")));
                assertEquals("succeeded", done.getString("status"), done::toString);
            }
        }
    }
}
