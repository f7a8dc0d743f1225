package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceLandmarks;
import io.faceswap.swap.face.FaceShape;
import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tasks end to end over HTTP, with media served on 127.0.0.1: success, every failure code, cancels. */
class TaskFlowIT extends DeployedWarIT {
    static final Duration TASK_TIMEOUT = Duration.ofSeconds(180);
    static MediaServer media;
    static Path clip;

    ApiClient api;

    @BeforeAll
    static void media() throws Exception {
        media = new MediaServer();
        clip = TestVideos.movingFace("flow", TestImages.ASTRONAUT, 320, 240, 25, 50, true, TestVideos.Format.MP4);
        media.serve("clip.mp4", clip);
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
        Path dir = TestVideos.dir();
        media.serve("text.jpg", Files.writeString(dir.resolve("text.jpg"), "not a picture"));
        media.serve("text.mp4", Files.writeString(dir.resolve("text.mp4"), "not a video"));
        Path big = dir.resolve("big.jpg");
        Files.write(big, new byte[11 << 20]);
        media.serve("big.jpg", big);
        try (Mat blank = new Mat(300, 300, opencv_core.CV_8UC3, new Scalar(180, 180, 180, 0))) {
            Path noFace = dir.resolve("blank.png");
            TestImages.write(blank, noFace);
            media.serve("blank.png", noFace);
        }
        byte[] whole = Files.readAllBytes(clip);
        media.serve(
                "truncated.mp4",
                Files.write(dir.resolve("truncated.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2)));
        media.redirect("to-metadata.jpg", "http://169.254.169.254/latest/meta-data/");
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    private Reply create(String sk, URI image, URI video, double duration) {
        return api.createTask(
                String.format(
                        "{\"title\":\"it\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":%s}",
                        image, video, duration),
                sk);
    }

    private JsonObject task(String sk, String id) {
        return api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0);
    }

    private JsonObject awaitEnd(String sk, String id, List<Integer> progressSeen) {
        return Await.until(
                "task " + id + " to end",
                TASK_TIMEOUT,
                () -> {
                    JsonObject t = task(sk, id);
                    progressSeen.add(t.getInt("progress"));
                    return t;
                },
                t -> List.of("succeeded", "failed", "canceled").contains(t.getString("status")));
    }

    @Test
    void aTaskSwapsTheFacesAndItsResultKeepsTheVideosFramesRateAndAudio() throws Exception {
        String user = ApiClient.uniqueUser("flow");
        String sk = api.paidKey(user, 60);
        Reply created = create(sk, media.url("hopper.jpg"), media.url("clip.mp4"), 2.0);
        assertEquals(201, created.status(), created::toString);
        String id = created.data().getString("id");
        List<Integer> progress = new ArrayList<>();
        JsonObject done = awaitEnd(sk, id, progress);
        assertEquals("succeeded", done.getString("status"), done::toString);
        assertEquals(100, done.getInt("progress"));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        assertEquals(50, done.getInt("frames"));
        assertTrue(done.getJsonNumber("facesFound").longValue() >= 45, done::toString);

        HttpResponse<Path> download = ApiClientFiles.download(
                api, done.getString("resultUrl"), sk, TestVideos.dir().resolve("flow-result.mp4"));
        assertEquals(200, download.statusCode());
        VideoInfo in = VideoProbe.probe(clip, VideoLimits.DEFAULT);
        VideoInfo out = VideoProbe.probe(download.body(), VideoLimits.DEFAULT);
        assertEquals(in.frameCount(), out.frameCount());
        assertEquals(in.frameRate(), out.frameRate(), 0.01);
        assertEquals(in.width(), out.width());
        assertTrue(out.hasAudio());
        assertEquals(in.audioDurationSeconds(), out.audioDurationSeconds(), 0.05);
        assertFaceSwapped(clip, download.body(), 5, 15, 25, 35, 45);

        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
        assertEquals(2, account.getJsonNumber("spentSeconds").longValue(), "charged the real 2 s");
        assertEquals(58, account.getJsonNumber("balanceSeconds").longValue());
    }

    /**
     * In frames with a face: the face region changed, and the face's proportions moved to the photo's. A single
     * frame's landmarks of a small face are noisy, so the proportions are judged on the mean over five frames.
     */
    static void assertFaceSwapped(Path input, Path output, long... frames) {
        assertFaceSwapped(input, 0, output, frames);
    }

    /** As above, for an output whose frame i is the input's frame {@code inputOffset + i} (a trimmed result). */
    static void assertFaceSwapped(Path input, long inputOffset, Path output, long... frames) {
        double toSource = 0;
        double toTarget = 0;
        try (FaceFinder finder = new FaceFinder();
                Mat photo = TestImages.load(TestImages.GRACE_HOPPER)) {
            FaceShape source = FaceShape.of(finder.find(photo).get(0));
            for (long frame : frames) {
                try (FrameReader a = new FrameReader(input, inputOffset + frame, 1);
                        FrameReader b = new FrameReader(output, frame, 1);
                        Mat before = a.next();
                        Mat after = b.next()) {
                    FaceLandmarks target = finder.find(before).get(0);
                    FaceLandmarks swapped = finder.find(after).get(0);
                    double[] box = target.bounds();
                    try (Rect r = new Rect(
                                    (int) box[0], (int) box[1], (int) (box[2] - box[0]), (int) (box[3] - box[1]));
                            Mat was = new Mat(before, r);
                            Mat now = new Mat(after, r)) {
                        assertTrue(Measures.psnr(was, now) < 28, "frame " + frame + ": the face region changed");
                    }
                    toSource += FaceShape.of(swapped).distance(source);
                    toTarget += FaceShape.of(swapped).distance(FaceShape.of(target));
                }
            }
        }
        assertTrue(
                toSource < toTarget,
                "mean shape distance to source " + toSource / frames.length + " vs to target "
                        + toTarget / frames.length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "URL_UNREACHABLE, http://127.0.0.1:1/face.jpg, clip.mp4, 2",
        "URL_HTTP_ERROR, missing.jpg, clip.mp4, 2",
        "MEDIA_TOO_LARGE, big.jpg, clip.mp4, 2",
        "NOT_AN_IMAGE, text.jpg, clip.mp4, 2",
        "NO_FACE_IN_IMAGE, blank.png, clip.mp4, 2",
        "NOT_A_VIDEO, hopper.jpg, text.mp4, 2",
        "NOT_A_VIDEO, hopper.jpg, truncated.mp4, 2",
        "VIDEO_TOO_LONG, hopper.jpg, clip.mp4, 0.5",
        "URL_FORBIDDEN, to-metadata.jpg, clip.mp4, 2",
    })
    void eachFailureHasItsCodeAndReleasesTheHeldSeconds(String code, String image, String video, double duration) {
        String user = ApiClient.uniqueUser("fail");
        String sk = api.paidKey(user, 30);
        URI imageUrl = image.startsWith("http") ? URI.create(image) : media.url(image);
        Reply created = create(sk, imageUrl, media.url(video), duration);
        assertEquals(201, created.status(), created::toString);
        JsonObject done = awaitEnd(sk, created.data().getString("id"), new ArrayList<>());
        assertEquals("failed", done.getString("status"), done::toString);
        assertEquals(code, done.getString("errorCode"), done::toString);
        assertTrue(done.getString("errorMessage").length() > 10);
        assertTrue(!done.containsKey("resultUrl") || done.isNull("resultUrl"));
        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
        assertEquals(30, account.getJsonNumber("balanceSeconds").longValue());
    }

    @Test
    void queuedAndRunningTasksCanBeCanceledAndTheirSecondsComeBack() {
        String user = ApiClient.uniqueUser("cancel");
        String sk = api.paidKey(user, 60);
        String other = ApiClient.uniqueUser("cancel2");
        String sk2 = api.paidKey(other, 60);
        // two tasks (of two users: one runs per user) whose video download is held open fill both running slots;
        // a third must wait in the queue
        URI held1 = media.serveHeld("held1.mp4", clip);
        URI held2 = media.serveHeld("held2.mp4", clip);
        String running1 = create(sk, media.url("hopper.jpg"), held1, 2).data().getString("id");
        String running2 = create(sk2, media.url("hopper.jpg"), held2, 2).data().getString("id");
        Await.until(
                "both to run",
                TASK_TIMEOUT,
                () -> List.of(task(sk, running1), task(sk2, running2)),
                l -> l.stream().allMatch(t -> t.getString("status").equals("processing")));
        String queued = create(sk, media.url("hopper.jpg"), media.url("clip.mp4"), 2)
                .data()
                .getString("id");
        assertEquals("queued", task(sk, queued).getString("status"));
        assertEquals(
                4,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("heldSeconds")
                        .longValue());

        Reply cancelQueued =
                api.post("/v1/faceswap_openapi/cancel", "{\"objectID\":\"" + queued + "\"}", "X-ClipZap-Apikey", sk);
        assertEquals(200, cancelQueued.status(), cancelQueued::toString);
        assertEquals("canceled", cancelQueued.data().getString("status"));

        Reply cancelRunning =
                api.post("/v1/faceswap_openapi/cancel", "{\"objectID\":\"" + running1 + "\"}", "X-ClipZap-Apikey", sk);
        assertEquals(200, cancelRunning.status(), cancelRunning::toString);
        media.release("held1.mp4");
        media.release("held2.mp4");
        assertEquals("canceled", awaitEnd(sk, running1, new ArrayList<>()).getString("status"));
        assertEquals("succeeded", awaitEnd(sk2, running2, new ArrayList<>()).getString("status"));

        Reply again =
                api.post("/v1/faceswap_openapi/cancel", "{\"objectID\":\"" + running2 + "\"}", "X-ClipZap-Apikey", sk2);
        assertEquals(409, again.status(), "a succeeded task cannot be canceled");
        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
        assertEquals(0, account.getJsonNumber("spentSeconds").longValue(), "canceled tasks are not charged");
        assertEquals(60, account.getJsonNumber("balanceSeconds").longValue());
        JsonObject account2 = api.adminGet("/v1/admin/users/" + other).data();
        assertEquals(0, account2.getJsonNumber("heldSeconds").longValue());
        assertEquals(2, account2.getJsonNumber("spentSeconds").longValue(), "only the succeeded task is charged");
        assertEquals(58, account2.getJsonNumber("balanceSeconds").longValue());
    }
}
