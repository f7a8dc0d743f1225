package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.face.FaceEmbedder;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.testing.TwoPeopleClip;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Face mappings through the API (issue 25), on a clip of two people made from the two test photos who swap places
 * at a cut: one mapping swaps only its person (the other's half matches a no-swap pass of the same clip), two
 * mappings swap both with the right photos, a photo target is mapped too, and the failures (a reference without a
 * face, a person found nowhere) carry their codes and charge nothing. Identity is judged here, in the client, by the
 * same recognition model.
 */
class FaceMappingIT extends DeployedWarIT {
    static final Duration TIMEOUT = Duration.ofSeconds(240);
    static final long PAID = 60;
    static final int W = 480, H = 270, FRAMES = 40, CUT = 20;
    static MediaServer media;
    static TwoPeopleClip people;
    static Path untouched;
    static float[] astronautId, hopperId;
    static final FaceFinder finder = TestFinder.shared();

    ApiClient api;

    @BeforeAll
    static void media() throws Exception {
        media = new MediaServer();
        people = TwoPeopleClip.write("mapping-it", W, H, FRAMES, CUT);
        untouched = TestVideos.dir().resolve("mapping-it-untouched.mp4");
        VideoSwapper.swapFile(
                people.file(), untouched, () -> FrameProcessor.IDENTITY, 2, 30, VideoLimits.DEFAULT, (d, t) -> {});
        media.serve("two.mp4", people.file());
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
        media.serve("astronaut.jpg", TestImages.file(TestImages.ASTRONAUT));
        media.serve(
                "astronaut-only.mp4",
                TestVideos.movingFace(
                        "mapping-it-one", TestImages.ASTRONAUT, 320, 240, 25, 20, false, TestVideos.Format.MP4));
        Path grey = TestVideos.dir().resolve("mapping-it-grey.jpg");
        try (Mat plain =
                new Mat(240, 320, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0))) {
            opencv_imgcodecs.imwrite(grey.toString(), plain);
        }
        media.serve("grey.jpg", grey);
        try (Mat a = TestImages.load(TestImages.ASTRONAUT);
                Mat h = TestImages.load(TestImages.GRACE_HOPPER)) {
            astronautId = finder.largestIdentity(a);
            hopperId = finder.largestIdentity(h);
        }
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    @Test
    void oneMappingSwapsOnlyThatPersonThroughTheCut() throws Exception {
        String user = ApiClient.uniqueUser("mapone");
        String sk = api.paidKey(user, PAID);
        // the astronaut is replaced by the task's photo (Hopper): the pair names no photo of its own
        Reply created = create(sk, videoBody("[{\"referenceImageUrl\":\"" + media.url("astronaut.jpg") + "\"}]", null));
        assertEquals(201, created.status(), created::toString);
        assertEquals("mapped", created.data().getString("faceSelector"), created::toString);
        assertEquals(
                media.url("astronaut.jpg").toString(),
                created.data().getJsonArray("faceMappings").getJsonObject(0).getString("referenceImageUrl"));
        JsonObject done = ended(sk, created.data().getString("id"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        assertEquals(2, done.getJsonNumber("chargedSeconds").longValue(), done::toString);
        JsonObject quality = done.getJsonObject("quality");
        System.out.println("MAPPING IT one mapping: the task's quality " + quality);
        assertEquals(1.0, quality.getJsonNumber("coverage").doubleValue(), "the astronaut is in every frame");
        assertTrue(quality.getJsonNumber("identity").doubleValue() > 0.6, quality::toString);
        Path out = result(sk, done.getString("id"), "mapping-it-one-result.mp4");

        double worstOther = Double.MAX_VALUE, meanOther = 0, meanMapped = 0;
        double toSource = 0, toOriginal = 0;
        int judged = 0, closer = 0;
        try (FrameReader swapped = new FrameReader(out, 0, 1);
                FrameReader plain = new FrameReader(untouched, 0, 1)) {
            for (int i = 0; i < FRAMES; i++) {
                try (Mat a = swapped.next();
                        Mat b = plain.next()) {
                    boolean left = people.astronautLeft(i);
                    double other = psnr(people.half(a, !left), people.half(b, !left));
                    worstOther = Math.min(worstOther, other);
                    meanOther += other / FRAMES;
                    meanMapped += psnr(people.half(a, left), people.half(b, left)) / FRAMES;
                    if (i % 4 == 1) {
                        float[] after = people.identityIn(finder, a, left);
                        assertNotNull(after, "a face where the astronaut was, frame " + i);
                        double s = FaceEmbedder.similarity(after, hopperId);
                        double o = FaceEmbedder.similarity(after, astronautId);
                        toSource += s;
                        toOriginal += o;
                        judged++;
                        closer += s > o ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf(
                "MAPPING IT one mapping: the other person's half vs a no-swap pass PSNR min %.1f dB, mean %.1f dB"
                        + " (the mapped half: mean %.1f dB); mapped face's similarity to the photo %.3f, to the"
                        + " original person %.3f; closer to the photo on %d of %d judged frames (cut at %d)%n",
                worstOther, meanOther, meanMapped, toSource / judged, toOriginal / judged, closer, judged, CUT);
        assertTrue(worstOther > 32, "the unmapped person is untouched (codec noise only): " + worstOther);
        assertTrue(meanMapped < meanOther - 5, "the mapped person changed: " + meanMapped + " vs " + meanOther);
        assertTrue(closer >= judged * 0.95, closer + " of " + judged);
    }

    @Test
    void twoMappingsSwapBothWithTheRightPhotos() throws Exception {
        String user = ApiClient.uniqueUser("maptwo");
        String sk = api.paidKey(user, PAID);
        String pairs = "[{\"referenceImageUrl\":\"" + media.url("astronaut.jpg") + "\",\"imageUrl\":\""
                + media.url("hopper.jpg") + "\"},{\"referenceImageUrl\":\"" + media.url("hopper.jpg")
                + "\",\"imageUrl\":\"" + media.url("astronaut.jpg") + "\"}]";
        Reply created = create(sk, videoBody(pairs, "mapped"));
        assertEquals(201, created.status(), created::toString);
        JsonObject done = ended(sk, created.data().getString("id"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        Path out = result(sk, done.getString("id"), "mapping-it-two-result.mp4");
        int judged = 0, right = 0;
        try (FrameReader swapped = new FrameReader(out, 0, 1)) {
            for (int i = 0; i < FRAMES; i++) {
                try (Mat a = swapped.next()) {
                    if (i % 4 != 1) {
                        continue;
                    }
                    boolean left = people.astronautLeft(i);
                    float[] wasAstronaut = people.identityIn(finder, a, left);
                    float[] wasHopper = people.identityIn(finder, a, !left);
                    judged += 2;
                    right += wasAstronaut != null
                                    && FaceEmbedder.similarity(wasAstronaut, hopperId)
                                            > FaceEmbedder.similarity(wasAstronaut, astronautId)
                            ? 1
                            : 0;
                    right += wasHopper != null
                                    && FaceEmbedder.similarity(wasHopper, astronautId)
                                            > FaceEmbedder.similarity(wasHopper, hopperId)
                            ? 1
                            : 0;
                }
            }
        }
        System.out.printf(
                "MAPPING IT two mappings: %d of %d judged faces closer to their pair's photo%n", right, judged);
        assertTrue(right >= judged * 0.95, right + " of " + judged);
    }

    @Test
    void aPhotoTargetIsMappedToo() {
        String user = ApiClient.uniqueUser("mapphoto");
        String sk = api.paidKey(user, PAID);
        Reply swapped = create(sk, photoBody("astronaut.jpg"));
        assertEquals(201, swapped.status(), swapped::toString);
        JsonObject done = ended(sk, swapped.data().getString("id"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        assertEquals(1, done.getJsonNumber("facesFound").longValue(), done::toString);
        assertEquals(
                1.0, done.getJsonObject("quality").getJsonNumber("coverage").doubleValue(), done::toString);
        assertTrue(done.getJsonObject("quality").getJsonNumber("identity").doubleValue() > 0.6, done::toString);

        Reply nobody = create(sk, photoBody("hopper.jpg")); // the astronaut is not in Hopper's photo
        assertEquals(201, nobody.status(), nobody::toString);
        JsonObject failed = ended(sk, nobody.data().getString("id"));
        assertEquals("failed", failed.getString("status"), failed::toString);
        assertEquals("NO_MAPPED_FACE_FOUND", failed.getString("errorCode"), failed::toString);
        assertEquals(0, failed.getJsonNumber("chargedSeconds").longValue());
    }

    @Test
    void failuresCarryTheirCodesAndChargeNothing() {
        String user = ApiClient.uniqueUser("mapbad");
        String sk = api.paidKey(user, PAID);
        Reply noFace = create(sk, videoBody("[{\"referenceImageUrl\":\"" + media.url("grey.jpg") + "\"}]", null));
        assertEquals(201, noFace.status(), noFace::toString);
        JsonObject a = ended(sk, noFace.data().getString("id"));
        assertEquals("NO_FACE_IN_REFERENCE", a.getString("errorCode"), a::toString);
        assertTrue(a.getJsonObject("quality").isNull("coverage"), "no frame was done: " + a);
        assertTrue(a.getString("errorMessage").contains("faceMappings[0].referenceImageUrl"), a::toString);

        Reply badPhoto = create(
                sk,
                videoBody(
                        "[{\"referenceImageUrl\":\"" + media.url("astronaut.jpg") + "\",\"imageUrl\":\""
                                + media.url("grey.jpg") + "\"}]",
                        null));
        JsonObject b = ended(sk, badPhoto.data().getString("id"));
        assertEquals("NO_FACE_IN_MAPPED_PHOTO", b.getString("errorCode"), b::toString);

        // Hopper is nowhere in a clip of the astronaut alone
        Reply nowhere = create(
                sk,
                "{\"imageUrl\":\"" + media.url("astronaut.jpg") + "\",\"videoUrl\":\"" + media.url("astronaut-only.mp4")
                        + "\",\"duration\":0.8,\"faceMappings\":[{\"referenceImageUrl\":\"" + media.url("hopper.jpg")
                        + "\"}]}");
        assertEquals(201, nowhere.status(), nowhere::toString);
        JsonObject c = ended(sk, nowhere.data().getString("id"));
        assertEquals("failed", c.getString("status"), c::toString);
        assertEquals("NO_MAPPED_FACE_FOUND", c.getString("errorCode"), c::toString);

        JsonObject books = Await.until(
                "the holds to be released",
                TIMEOUT,
                () -> api.adminGet("/v1/admin/users/" + user).data(),
                x -> x.getJsonNumber("heldSeconds").longValue() == 0);
        assertEquals(PAID, books.getJsonNumber("balanceSeconds").longValue(), books::toString);
        assertEquals(0, books.getJsonNumber("spentSeconds").longValue(), books::toString);
    }

    @Test
    void contradictionsAndBadPairsAreRefusedAtCreate() {
        String user = ApiClient.uniqueUser("mapreq");
        String sk = api.paidKey(user, PAID);
        String pair = "{\"referenceImageUrl\":\"" + media.url("astronaut.jpg") + "\"}";

        Reply mappedAlone = create(sk, videoBody(null, "mapped"));
        assertEquals(400, mappedAlone.status(), mappedAlone::toString);
        assertEquals(40012, mappedAlone.code(), mappedAlone::toString);

        Reply largestWithPairs = create(sk, videoBody("[" + pair + "]", "largest"));
        assertEquals(400, largestWithPairs.status(), largestWithPairs::toString);
        assertEquals(40012, largestWithPairs.code(), largestWithPairs::toString);

        Reply nine = create(sk, videoBody("[" + String.join(",", java.util.Collections.nCopies(9, pair)) + "]", null));
        assertEquals(400, nine.status(), nine::toString);
        assertEquals(40001, nine.code(), nine::toString);
        assertEquals("faceMappings", field(nine), nine::toString);

        // an empty list is no list: generated clients send one for an unset field
        Reply none = create(sk, videoBody("[]", null));
        assertEquals(201, none.status(), none::toString);
        assertTrue(none.data().isNull("faceMappings"), none::toString);
        assertTrue(none.data().isNull("faceSelector"), none::toString);
        ended(sk, none.data().getString("id"));
        Reply mappedEmpty = create(sk, videoBody("[]", "mapped"));
        assertEquals(40012, mappedEmpty.code(), mappedEmpty::toString);

        Reply noReference = create(sk, videoBody("[{\"imageUrl\":\"" + media.url("hopper.jpg") + "\"}]", null));
        assertEquals(400, noReference.status(), noReference::toString);
        assertEquals("faceMappings[0].referenceImageUrl", field(noReference), noReference::toString);

        Reply unknown = create(
                sk,
                videoBody(
                        "[{\"referenceImageUrl\":\"" + media.url("hopper.jpg") + "\",\"refrenceImageUrl\":\"x\"}]",
                        null));
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("refrenceImageUrl"), unknown::toString);

        Reply badSelector = create(sk, videoBody(null, "everyone"));
        assertEquals(400, badSelector.status(), badSelector::toString);
        assertEquals("faceSelector", field(badSelector), badSelector::toString);

        Reply largest = create(sk, videoBody(null, "largest"));
        assertEquals(201, largest.status(), largest::toString);
        assertEquals("largest", largest.data().getString("faceSelector"));
        assertTrue(largest.data().isNull("faceMappings"), largest::toString);
        ended(sk, largest.data().getString("id"));
    }

    @Test
    void facesAreListedAndAFaceIdMapsThatPerson() throws Exception {
        String user = ApiClient.uniqueUser("mapfaces");
        String sk = api.paidKey(user, PAID);
        Reply photo = faces(sk, "{\"imageUrl\":\"" + media.url("astronaut.jpg") + "\"}");
        assertEquals(200, photo.status(), photo::toString);
        jakarta.json.JsonArray inPhoto = photo.data().getJsonArray("faces");
        assertEquals(1, inPhoto.size(), photo::toString);
        JsonObject face = inPhoto.getJsonObject(0);
        assertTrue(face.getString("faceId").matches("[0-9a-f]{24}"), face::toString);
        assertTrue(face.isNull("second"), face::toString);
        JsonObject box = face.getJsonObject("box");
        assertTrue(box.getInt("x") > 100 && box.getInt("x") + box.getInt("width") < 400, box::toString);
        byte[] jpeg = java.util.Base64.getDecoder().decode(face.getString("jpeg"));
        try (Mat crop = opencv_imgcodecs.imdecode(new Mat(jpeg), opencv_imgcodecs.IMREAD_COLOR)) {
            assertTrue(crop.cols() > 32 && crop.cols() <= 128 && crop.rows() <= 128, crop.cols() + "x" + crop.rows());
            float[] id = finder.largestIdentity(crop);
            System.out.printf(
                    "MAPPING IT faces: the photo's crop %dx%d, %d bytes, similarity to the astronaut %.3f%n",
                    crop.cols(), crop.rows(), jpeg.length, FaceEmbedder.similarity(id, astronautId));
            assertTrue(FaceEmbedder.similarity(id, astronautId) > 0.7, "the crop shows the astronaut");
        }

        Reply video = faces(sk, "{\"videoUrl\":\"" + media.url("two.mp4") + "\",\"seconds\":[0.1,1.0]}");
        assertEquals(200, video.status(), video::toString);
        jakarta.json.JsonArray inVideo = video.data().getJsonArray("faces");
        assertEquals(4, inVideo.size(), video::toString);
        String astronautFace = null;
        for (JsonObject f : inVideo.getValuesAs(JsonObject.class)) {
            boolean left = f.getJsonObject("box").getInt("x") < W / 2;
            if (f.getJsonNumber("second").doubleValue() < 0.5 && left) {
                astronautFace = f.getString("faceId"); // before the cut the astronaut is on the left
            }
        }
        assertNotNull(astronautFace, video::toString);

        Reply created =
                create(sk, videoBody("[{\"faceId\":\"" + astronautFace + "\"}]", null)); // Hopper on the astronaut
        assertEquals(201, created.status(), created::toString);
        assertEquals(
                astronautFace,
                created.data().getJsonArray("faceMappings").getJsonObject(0).getString("faceId"),
                created::toString);
        JsonObject done = ended(sk, created.data().getString("id"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        Path out = result(sk, done.getString("id"), "mapping-it-faceid-result.mp4");
        int judged = 0, closer = 0;
        try (FrameReader swapped = new FrameReader(out, 0, 1)) {
            for (int i = 0; i < FRAMES; i++) {
                try (Mat a = swapped.next()) {
                    if (i % 8 == 3) {
                        float[] after = people.identityIn(finder, a, people.astronautLeft(i));
                        float[] other = people.identityIn(finder, a, !people.astronautLeft(i));
                        judged++;
                        closer += FaceEmbedder.similarity(after, hopperId) > FaceEmbedder.similarity(after, astronautId)
                                        && FaceEmbedder.similarity(other, hopperId) > 0.7
                                ? 1
                                : 0;
                    }
                }
            }
        }
        assertEquals(judged, closer, "the astronaut became Hopper on every judged frame, Hopper stayed Hopper");

        // a face id is its user's own
        String stranger = api.paidKey(ApiClient.uniqueUser("mapstranger"), PAID);
        Reply foreign = create(stranger, videoBody("[{\"faceId\":\"" + astronautFace + "\"}]", null));
        assertEquals(400, foreign.status(), foreign::toString);
        assertEquals(40013, foreign.code(), foreign::toString);
        Reply both = create(
                sk,
                videoBody(
                        "[{\"faceId\":\"" + astronautFace + "\",\"referenceImageUrl\":\"" + media.url("hopper.jpg")
                                + "\"}]",
                        null));
        assertEquals(400, both.status(), both::toString);
        assertEquals("faceMappings[0].referenceImageUrl", field(both), both::toString);
    }

    @Test
    void badFaceListingsAreRefusedWithReasons() {
        String sk = api.paidKey(ApiClient.uniqueUser("mapfacesbad"), PAID);
        Reply both = faces(
                sk, "{\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"videoUrl\":\"" + media.url("two.mp4") + "\"}");
        assertEquals(400, both.status(), both::toString);
        assertEquals(40001, both.code(), both::toString);
        Reply neither = faces(sk, "{}");
        assertEquals(400, neither.status(), neither::toString);
        Reply secondsOnPhoto = faces(sk, "{\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"seconds\":[1]}");
        assertEquals("seconds", field(secondsOnPhoto), secondsOnPhoto::toString);
        Reply pastTheEnd = faces(sk, "{\"videoUrl\":\"" + media.url("two.mp4") + "\",\"seconds\":[5]}");
        assertEquals(400, pastTheEnd.status(), pastTheEnd::toString);
        assertEquals("seconds", field(pastTheEnd), pastTheEnd::toString);
        // so far past the end that a second more is the same number: still the same answer
        Reply farPastTheEnd = faces(sk, "{\"videoUrl\":\"" + media.url("two.mp4") + "\",\"seconds\":[1e300]}");
        assertEquals(400, farPastTheEnd.status(), farPastTheEnd::toString);
        assertEquals("seconds", field(farPastTheEnd), farPastTheEnd::toString);
        Reply negative = faces(sk, "{\"videoUrl\":\"" + media.url("two.mp4") + "\",\"seconds\":[-1]}");
        assertEquals(400, negative.status(), negative::toString);
        Reply notAVideo = faces(sk, "{\"videoUrl\":\"" + media.url("hopper.jpg") + "\"}");
        assertEquals(422, notAVideo.status(), notAVideo::toString);
        assertEquals(42201, notAVideo.code(), notAVideo::toString);
        Reply missing = faces(sk, "{\"imageUrl\":\"" + media.url("nothing-here.jpg") + "\"}");
        assertEquals(422, missing.status(), missing::toString);
        Reply noFace = faces(sk, "{\"imageUrl\":\"" + media.url("grey.jpg") + "\"}");
        assertEquals(200, noFace.status(), noFace::toString);
        assertEquals(0, noFace.data().getJsonArray("faces").size(), noFace::toString);
    }

    private Reply faces(String sk, String json) {
        return api.post("/v1/faceswap_openapi/faces", json, "X-ClipZap-Apikey", sk);
    }

    private Reply create(String sk, String json) {
        return api.createTask(json, sk);
    }

    private static String videoBody(String mappings, String selector) {
        return "{\"title\":\"mapping\",\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"videoUrl\":\""
                + media.url("two.mp4") + "\",\"duration\":" + (FRAMES / 30.0)
                + (mappings == null ? "" : ",\"faceMappings\":" + mappings)
                + (selector == null ? "" : ",\"faceSelector\":\"" + selector + "\"") + "}";
    }

    /** Hopper's face put on the astronaut, wherever the astronaut is found in the target photo. */
    private static String photoBody(String target) {
        return "{\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"targetImageUrl\":\"" + media.url(target)
                + "\",\"faceMappings\":[{\"referenceImageUrl\":\"" + media.url("astronaut.jpg") + "\"}]}";
    }

    private static String field(Reply reply) {
        assertEquals(
                jakarta.json.JsonValue.ValueType.OBJECT,
                reply.json().get("data").getValueType(),
                reply::toString);
        return reply.data().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private JsonObject ended(String sk, String id) {
        return api.ended(sk, id, TIMEOUT);
    }

    private Path result(String sk, String id, String name) throws IOException, InterruptedException {
        HttpResponse<InputStream> got = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(api.base().resolve("v1/faceswap_openapi/result/" + id))
                                .header("X-ClipZap-Apikey", sk)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, got.statusCode());
        Path file = TestVideos.dir().resolve(name);
        try (InputStream in = got.body()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static double psnr(Mat a, Mat b) {
        try (a;
                b) {
            return Measures.psnr(a, b);
        }
    }
}
