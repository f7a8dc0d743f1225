package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.provenance.OfficialReader;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Photo targets through the API (issue 26): Grace Hopper's face put into the astronaut photo, given as a JPEG and as
 * a PNG with an alpha channel. The result has the input's type and size, its face region changed and the rest
 * kept, signed content credentials, and is served with its content type by the sk download and the signed link;
 * the task is charged seconds-per-image (1 here) and shows as a photo in the admin views. Bad targets each get
 * their code and charge nothing.
 */
class PhotoTargetIT extends DeployedWarIT {
    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static final long PAID = 20;
    static MediaServer media;
    static Mat astronaut;
    static Mat alpha;

    ApiClient api;

    @BeforeAll
    static void media() throws Exception {
        media = new MediaServer();
        Path dir = TestVideos.dir();
        astronaut = TestImages.load(TestImages.ASTRONAUT);
        alpha = new Mat(512, 512, opencv_core.CV_8UC1);
        for (int y = 0; y < 512; y++) { // opaque at the bottom, transparent at the top
            alpha.apply(new Rect(0, y, 512, 1)).put(new Scalar(y / 2.0));
        }
        Path jpeg = dir.resolve("photo-target.jpg");
        Files.write(jpeg, encode(astronaut, ".jpg"));
        Path png = dir.resolve("photo-target-alpha.png");
        try (Mat bgra = new Mat();
                MatVector planes = new MatVector()) {
            opencv_core.split(astronaut, planes);
            planes.push_back(alpha);
            opencv_core.merge(planes, bgra);
            Files.write(png, encode(bgra, ".png"));
        }
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
        media.serve("astronaut.jpg", jpeg);
        media.serve("astronaut.png", png);
        media.serve(
                "clip.mp4",
                TestVideos.movingFace(
                        "photo-it", TestImages.ASTRONAUT, 160, 120, 10, 10, false, TestVideos.Format.MP4));
    }

    @AfterAll
    static void stop() {
        media.close();
        astronaut.close();
        alpha.close();
    }

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    private Reply create(String sk, String json) {
        return api.createTask(json, sk);
    }

    private String photoBody(String target) {
        return "{\"title\":\"photo\",\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"targetImageUrl\":\""
                + media.url(target) + "\"}";
    }

    private JsonObject ended(String sk, String id) {
        return api.ended(sk, id, TIMEOUT);
    }

    private JsonObject account(String user) {
        return api.adminGet("/v1/admin/users/" + user).data();
    }

    @Test
    void aJpegPhotoIsSwappedChargedOneImageAndServedAsAJpeg() throws Exception {
        String user = ApiClient.uniqueUser("photo");
        String sk = api.paidKey(user, PAID);
        Reply created = create(sk, photoBody("astronaut.jpg"));
        assertEquals(201, created.status(), created::toString);
        JsonObject queued = created.data();
        assertEquals("photo", queued.getString("targetKind"), queued::toString);
        assertTrue(queued.isNull("videoUrl"), queued::toString);
        assertEquals(media.url("astronaut.jpg").toString(), queued.getString("targetImageUrl"));
        String id = queued.getString("id");

        JsonObject done = ended(sk, id);
        assertEquals("succeeded", done.getString("status"), done::toString);
        assertEquals(100, done.getInt("progress"));
        assertEquals(1, done.getInt("frames"));
        assertEquals(1, done.getJsonNumber("facesFound").longValue(), done::toString);
        assertEquals(1, done.getJsonNumber("chargedSeconds").longValue(), "seconds-per-image");
        JsonObject books = account(user);
        assertEquals(0, books.getJsonNumber("heldSeconds").longValue(), books::toString);
        assertEquals(1, books.getJsonNumber("spentSeconds").longValue(), books::toString);
        assertEquals(PAID - 1, books.getJsonNumber("balanceSeconds").longValue(), books::toString);

        HttpResponse<byte[]> result = download(api.base().resolve("v1/faceswap_openapi/result/" + id), sk, null);
        assertEquals(200, result.statusCode());
        assertEquals("image/jpeg", result.headers().firstValue("Content-Type").orElse(""));
        assertTrue(
                result.headers().firstValue("Content-Disposition").orElse("").contains(id + ".jpg"),
                result.headers()::toString);
        byte[] jpeg = result.body();
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        try (Mat out = decode(jpeg, opencv_imgcodecs.IMREAD_COLOR)) {
            assertEquals(512, out.cols());
            assertEquals(512, out.rows());
            double face = meanDifference(astronaut, out, FACE);
            double corner = meanDifference(astronaut, out, CORNER);
            System.out.printf(
                    "PHOTO IT jpeg: %d bytes, face box changed by %.1f levels, a corner by %.1f%n",
                    jpeg.length, face, corner);
            assertTrue(face > 8, "the face region changed: " + face);
            assertTrue(corner < 3, "away from the face only JPEG's own loss: " + corner);
        }

        // the signed link serves the same bytes with the same type, and a range of them
        HttpResponse<byte[]> linked = download(URI.create(done.getString("resultUrl")), null, null);
        assertEquals(200, linked.statusCode());
        assertEquals("image/jpeg", linked.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(jpeg, linked.body());
        HttpResponse<byte[]> part = download(URI.create(done.getString("resultUrl")), null, "bytes=0-99");
        assertEquals(206, part.statusCode());
        assertEquals(100, part.body().length);

        JsonObject admin = api.adminGet("/v1/admin/tasks/" + id).data();
        assertEquals("photo", admin.getJsonObject("task").getString("targetKind"), admin::toString);
        assertEquals("COMPLETED", admin.getString("executionStatus"), admin::toString);
        assertEquals(1, admin.getJsonNumber("framesProcessed").longValue(), admin::toString);
        JsonObject execution = api.adminGet("/v1/admin/executions/" + admin.getJsonNumber("jobExecutionId"))
                .data();
        List<String> steps = execution.getJsonArray("steps").stream()
                .map(s -> s.asJsonObject().getString("stepName"))
                .toList();
        assertEquals(List.of("fetch", "swapPhoto", "finish"), steps, execution::toString);

        Path file = TestVideos.dir().resolve("photo-it-result.jpg");
        Files.write(file, jpeg);
        String why = OfficialReader.unavailable();
        if (why != null) {
            System.out.println("PHOTO IT: content credentials not read: " + why);
            return;
        }
        JsonObject verdict = OfficialReader.read(List.of(file)).get(file);
        assertTrue(verdict.getBoolean("found"), verdict::toString);
        assertEquals(List.of("signingCredential.untrusted"), OfficialReader.failures(verdict), verdict::toString);
        assertTrue(OfficialReader.successes(verdict).contains("assertion.dataHash.match"), verdict::toString);
        assertTrue(OfficialReader.activeManifest(verdict).toString().contains("\"taskId\":\"" + id + "\""));
    }

    @Test
    void aPngPhotoStaysAPngWithItsAlphaChannel() {
        String user = ApiClient.uniqueUser("photopng");
        String sk = api.paidKey(user, PAID);
        Reply created = create(sk, photoBody("astronaut.png"));
        assertEquals(201, created.status(), created::toString);
        String id = created.data().getString("id");
        JsonObject done = ended(sk, id);
        assertEquals("succeeded", done.getString("status"), done::toString);

        HttpResponse<byte[]> result = download(api.base().resolve("v1/faceswap_openapi/result/" + id), sk, null);
        assertEquals(200, result.statusCode());
        assertEquals("image/png", result.headers().firstValue("Content-Type").orElse(""));
        try (Mat out = decode(result.body(), opencv_imgcodecs.IMREAD_UNCHANGED);
                Mat outAlpha = new Mat();
                Mat colour = new Mat()) {
            assertEquals(512, out.cols());
            assertEquals(512, out.rows());
            assertEquals(4, out.channels(), "the alpha channel is kept");
            opencv_core.extractChannel(out, outAlpha, 3);
            assertEquals(0, opencv_core.norm(alpha, outAlpha, opencv_core.NORM_INF, null), "alpha unchanged");
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(
                    out, colour, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR);
            double face = meanDifference(astronaut, colour, FACE);
            System.out.printf("PHOTO IT png: %d bytes, face box changed by %.1f levels%n", result.body().length, face);
            assertTrue(face > 8, "the face region changed: " + face);
            assertEquals(0, meanDifference(astronaut, colour, CORNER), "lossless away from the face");
        }
        assertEquals(PAID - 1, account(user).getJsonNumber("balanceSeconds").longValue());
    }

    @Test
    void badTargetsGetTheirCodesAndChargeNothing() {
        String user = ApiClient.uniqueUser("photobad");
        String sk = api.paidKey(user, PAID);
        String image = media.url("hopper.jpg").toString();

        Reply both = create(
                sk,
                "{\"imageUrl\":\"" + image + "\",\"videoUrl\":\"" + media.url("clip.mp4") + "\",\"targetImageUrl\":\""
                        + media.url("astronaut.jpg") + "\",\"duration\":1}");
        assertEquals(400, both.status(), both::toString);
        assertEquals(40011, both.code(), both::toString);
        assertEquals(2, both.data().getJsonArray("errors").size(), both::toString);

        Reply neither = create(sk, "{\"imageUrl\":\"" + image + "\",\"duration\":1}");
        assertEquals(400, neither.status(), neither::toString);
        assertEquals(40010, neither.code(), neither::toString);
        assertEquals(2, neither.data().getJsonArray("errors").size(), neither::toString);

        Reply noDuration =
                create(sk, "{\"imageUrl\":\"" + image + "\",\"videoUrl\":\"" + media.url("clip.mp4") + "\"}");
        assertEquals(400, noDuration.status(), noDuration::toString);
        assertEquals(40001, noDuration.code(), noDuration::toString);
        assertEquals(
                "duration",
                noDuration.data().getJsonArray("errors").getJsonObject(0).getString("field"),
                noDuration::toString);

        JsonObject books = account(user);
        assertEquals(0, books.getJsonNumber("heldSeconds").longValue(), "refused: nothing held " + books);
        assertEquals(PAID, books.getJsonNumber("balanceSeconds").longValue(), books::toString);

        Reply video = create(sk, photoBody("clip.mp4"));
        assertEquals(201, video.status(), video::toString);
        JsonObject failed = ended(sk, video.data().getString("id"));
        assertEquals("failed", failed.getString("status"), failed::toString);
        assertEquals("TARGET_NOT_AN_IMAGE", failed.getString("errorCode"), failed::toString);
        assertEquals(0, failed.getJsonNumber("chargedSeconds").longValue());
        assertTrue(failed.isNull("resultUrl"), failed::toString);
        JsonObject after = Await.until(
                "the hold to be released",
                TIMEOUT,
                () -> account(user),
                a -> a.getJsonNumber("heldSeconds").longValue() == 0);
        assertEquals(PAID, after.getJsonNumber("balanceSeconds").longValue(), after::toString);
        assertEquals(0, after.getJsonNumber("spentSeconds").longValue(), after::toString);
    }

    /** The astronaut's face (the landmark box, about x 170-290, y 60-220 in the 512 px photo). */
    static final int[] FACE = {180, 80, 100, 120};
    /** Far from the face: the bottom left corner. */
    static final int[] CORNER = {0, 432, 80, 80};

    private static double meanDifference(Mat a, Mat b, int[] box) {
        try (Rect r = new Rect(box[0], box[1], box[2], box[3]);
                Mat ra = new Mat(a, r);
                Mat rb = new Mat(b, r);
                Mat diff = new Mat()) {
            opencv_core.absdiff(ra, rb, diff);
            Scalar mean = opencv_core.mean(diff);
            return (mean.get(0) + mean.get(1) + mean.get(2)) / 3;
        }
    }

    private static HttpResponse<byte[]> download(URI uri, String sk, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (sk != null) {
            request.header("X-ClipZap-Apikey", sk);
        }
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encode(Mat image, String extension) {
        try (BytePointer out = new BytePointer()) {
            opencv_imgcodecs.imencode(extension, image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    private static Mat decode(byte[] bytes, int flags) {
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, data)) {
            return opencv_imgcodecs.imdecode(buffer, flags);
        }
    }
}
