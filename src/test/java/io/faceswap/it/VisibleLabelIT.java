package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.VisibleLabel;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.FrameReader;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/**
 * The visible AI-generated mark through the API: a task that asks for it gets it on every frame of its result, in
 * the corner; one that does not ask gets none; an admin's per-user setting marks the user's tasks whatever they
 * ask, and is audited.
 */
class VisibleLabelIT extends DeployedWarIT {
    private static final int W = 320, H = 240;

    @Test
    void aTaskThatAsksGetsTheMarkOnEveryFrameAndOneThatDoesNotGetsNone() throws Exception {
        ApiClient api = ApiClient.of(base);
        try (MediaServer media = new MediaServer()) {
            media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            Path clip = TestVideos.movingFace("label", TestImages.ASTRONAUT, W, H, 25, 25, true, TestVideos.Format.MP4);
            media.serve("clip.mp4", clip);
            String sk = api.paidKey(ApiClient.uniqueUser("label"), 10);
            String marked = create(api, media, sk, ",\"visibleLabel\":true");
            String plain = create(api, media, sk, "");
            JsonObject markedView = awaitEnd(api, sk, marked);
            JsonObject plainView = awaitEnd(api, sk, plain);
            assertTrue(markedView.getBoolean("visibleLabel"), markedView::toString);
            assertFalse(plainView.getBoolean("visibleLabel"), plainView::toString);

            Rect box = VisibleLabel.box(W, H);
            double[] withMark = cornerChange(clip, download(api, sk, markedView, "label-marked.mp4"), box);
            double[] without = cornerChange(clip, download(api, sk, plainView, "label-plain.mp4"), box);
            System.out.printf(
                    "VisibleLabelIT: corner box %dx%d; mean |output-input| per frame, marked %.1f-%.1f, "
                            + "unmarked %.1f-%.1f (25 frames each)%n",
                    box.width(), box.height(), withMark[0], withMark[1], without[0], without[1]);
            assertTrue(withMark[0] > 20, "every marked frame has the mark: least change " + withMark[0]);
            assertTrue(without[1] < 8, "no unmarked frame has it: most change " + without[1]);
        }
    }

    @Test
    void anAdminMarksEveryTaskOfAUser() {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("label-admin");
        String sk = api.paidKey(user, 10);
        String path = "/v1/admin/users/" + user + "/visible_label";

        ApiClient.Reply set = api.adminPost(path, "{\"enabled\":true}");
        assertEquals(200, set.status(), set::toString);
        assertTrue(set.data().getBoolean("visibleLabel"), set::toString);
        ApiClient.Reply created = api.createTask(
                "{\"imageUrl\":\"https://media.example/a.jpg\",\"videoUrl\":\"https://media.example/b.mp4\","
                        + "\"duration\":1,\"visibleLabel\":false}",
                sk);
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.data().getBoolean("visibleLabel"), "the admin's setting wins: " + created);
        assertTrue(
                api.adminGet("/v1/admin/audit?kind=user.visible_label&userId=" + user)
                        .body()
                        .contains("\"detail\":\"on\""),
                "audited");

        assertEquals(
                404,
                api.adminPost("/v1/admin/users/nobody-" + user + "/visible_label", "{\"enabled\":true}")
                        .status());
        ApiClient.Reply missing = api.adminPost(path, "{}");
        assertEquals(400, missing.status(), missing::toString);
        ApiClient.Reply wrongType = api.createTask(
                "{\"imageUrl\":\"https://media.example/a.jpg\",\"videoUrl\":\"https://media.example/b.mp4\","
                        + "\"duration\":1,\"visibleLabel\":\"yes\"}",
                sk);
        assertEquals(400, wrongType.status(), wrongType::toString);
        assertEquals(40001, wrongType.code(), wrongType::toString);
        assertEquals(
                "visibleLabel",
                wrongType
                        .json()
                        .getJsonObject("data")
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
    }

    private static String create(ApiClient api, MediaServer media, String sk, String extra) {
        ApiClient.Reply created = api.createTask(
                "{\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"videoUrl\":\"" + media.url("clip.mp4")
                        + "\",\"duration\":1" + extra + "}",
                sk);
        assertEquals(201, created.status(), created::toString);
        return created.data().getString("id");
    }

    private static JsonObject awaitEnd(ApiClient api, String sk, String id) {
        JsonObject done = Await.until(
                "task " + id + " to end",
                Duration.ofSeconds(180),
                () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0),
                t -> !List.of("queued", "processing").contains(t.getString("status")));
        assertEquals("succeeded", done.getString("status"), done::toString);
        return done;
    }

    private static Path download(ApiClient api, String sk, JsonObject task, String name) throws Exception {
        HttpResponse<Path> download = ApiClientFiles.download(
                api, task.getString("resultUrl"), sk, TestVideos.dir().resolve(name));
        assertEquals(200, download.statusCode());
        return download.body();
    }

    /** {least, most} over the frames of the mean absolute difference between input and output in the box. */
    private static double[] cornerChange(Path input, Path output, Rect box) {
        double least = Double.MAX_VALUE, most = 0;
        int frames = 0;
        try (FrameReader in = new FrameReader(input, 0, 1);
                FrameReader out = new FrameReader(output, 0, 1)) {
            while (true) {
                try (Mat a = in.next();
                        Mat b = out.next()) {
                    if (a == null || b == null) {
                        assertTrue(a == null && b == null, "as many frames out as in");
                        break;
                    }
                    Mat diff = new Mat();
                    opencv_core.absdiff(a.apply(box), b.apply(box), diff);
                    double[] m = new double[3];
                    for (int c = 0; c < 3; c++) {
                        m[c] = opencv_core.mean(diff).get(c);
                    }
                    double change = (m[0] + m[1] + m[2]) / 3;
                    least = Math.min(least, change);
                    most = Math.max(most, change);
                    frames++;
                }
            }
        }
        assertEquals(25, frames);
        return new double[] {least, most};
    }
}
