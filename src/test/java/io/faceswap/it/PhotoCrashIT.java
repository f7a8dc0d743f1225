package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: a server killed (SIGKILL) while a photo task is inside its {@code swapPhoto} step. After the server
 * starts again the task's job is resumed at that step (the fetch is not redone), and the task succeeds once with its
 * photo, charged the one photo's seconds, the books exact. A 3600x3600 target keeps the step busy long enough to be
 * caught in it; the test polls the job's steps every 20 ms and kills the server as soon as the step has started.
 */
class PhotoCrashIT {
    private static final long PAID = 30;
    private static final int SIDE = 3600;

    @Test
    void aServerKilledInsideSwapPhotoFinishesThePhotoOnceAfterItsRestart() throws Exception {
        Path target = TestVideos.dir().resolve("photo-crash-target.jpg");
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT);
                Mat big = new Mat()) {
            opencv_imgproc.resize(astronaut, big, new Size(SIDE, SIDE), 0, 0, opencv_imgproc.INTER_CUBIC);
            assertTrue(opencv_imgcodecs.imwrite(
                    target.toString(), big, new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 92)));
        }
        try (MediaServer media = new MediaServer();
                ServerProcess server =
                        ServerProcess.prepare("photo-crash", 1800, "-Dclipzap.media.allow-private-networks=true")) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            String user = ApiClient.uniqueUser("photo-crash");
            String sk = api.paidKey(user, PAID);
            Reply created = api.createTask(
                    String.format(
                            "{\"imageUrl\":\"%s\",\"targetImageUrl\":\"%s\"}",
                            media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER)),
                            media.serve("target.jpg", target)),
                    sk);
            assertEquals(201, created.status(), created::toString);
            String id = created.data().getString("id");

            long execution = Await.until(
                            "the task's job to start",
                            Duration.ofSeconds(120),
                            Duration.ofMillis(20),
                            () -> task(api, id),
                            t -> t.get("jobExecutionId") != null
                                    && t.get("jobExecutionId").getValueType() == JsonValue.ValueType.NUMBER)
                    .getJsonNumber("jobExecutionId")
                    .longValue();
            Await.until(
                    "swapPhoto to start",
                    Duration.ofSeconds(120),
                    Duration.ofMillis(20),
                    () -> swapPhotoStatus(api, execution),
                    status -> !status.isEmpty());
            server.kill();

            server.start();
            String before = swapPhotoStatus(api, execution);
            System.out.println("PhotoCrashIT: killed inside swapPhoto; that run's step is now " + before);
            assertNotEquals("COMPLETED", before, "the kill came after swapPhoto had ended: the test proved nothing");
            JsonObject done = Await.until(
                    "the task to end after the restart",
                    Duration.ofSeconds(180),
                    () -> task(api, id),
                    t -> !List.of("queued", "processing")
                            .contains(t.getJsonObject("task").getString("status")));
            assertEquals("succeeded", done.getJsonObject("task").getString("status"), done::toString);
            long resumed = done.getJsonNumber("jobExecutionId").longValue();
            assertNotEquals(execution, resumed, "a new execution resumed the job");
            List<String> resumedSteps = api
                    .adminGet("/v1/admin/executions/" + resumed)
                    .data()
                    .getJsonArray("steps")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .map(s -> s.getString("stepName"))
                    .toList();
            System.out.println("PhotoCrashIT: resumed as execution " + resumed + " with steps " + resumedSteps
                    + ", attempts " + done.getInt("attempts"));
            assertTrue(!resumedSteps.contains("fetch") && resumedSteps.contains("swapPhoto"), resumedSteps::toString);

            JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
            assertEquals(
                    1,
                    done.getJsonObject("task").getJsonNumber("chargedSeconds").longValue(),
                    done::toString);
            assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
            assertEquals(PAID - 1, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
            HttpResponse<Path> result = ApiClientFiles.download(
                    api,
                    done.getJsonObject("task").getString("resultUrl"),
                    sk,
                    TestVideos.dir().resolve("result-photo-crash.jpg"));
            assertEquals(200, result.statusCode());
            assertEquals(
                    "image/jpeg", result.headers().firstValue("Content-Type").orElse(""));
            try (Mat photo = opencv_imgcodecs.imread(result.body().toString())) {
                assertEquals(SIDE, photo.cols());
                assertEquals(SIDE, photo.rows());
            }
            assertTrue(Files.size(result.body()) > 100_000);
        }
    }

    private static JsonObject task(ApiClient api, String id) {
        return api.adminGet("/v1/admin/tasks/" + id).data();
    }

    /** The batch status of the execution's swapPhoto step, or "" before it starts. */
    private static String swapPhotoStatus(ApiClient api, long execution) {
        return api
                .adminGet("/v1/admin/executions/" + execution)
                .data()
                .getJsonArray("steps")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(s -> s.getString("stepName").equals("swapPhoto"))
                .map(s -> s.getString("batchStatus"))
                .findFirst()
                .orElse("");
    }
}
