package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.Remux;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.testing.TrimClips;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.FrameTimeline;
import io.faceswap.swap.video.Orientation;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trimming through the API (issue 26): a rotated phone clip trimmed from 1.0 to 3.0 s, with keyframes at frames 24
 * and 36, comes back 2 s long, 50 frames, starting with input frame 25 (the frame at 1.0 s), with a click the input
 * plays at 2.0 s at 1.0 s, and is charged 2 s; the task's view shows the trim. Bad trims are refused with their codes
 * (or fail with TRIM_PAST_END when only the real video shows it), and nothing is charged or stored.
 */
class TrimIT extends DeployedWarIT {
    private static final long PAID = 60;
    private static MediaServer media;
    private static Path phone;

    @BeforeAll
    static void start() throws Exception {
        media = new MediaServer();
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
        phone = TrimClips.phoneClip("trim-it-phone", 100, 2.0); // 4 s at 25 fps, keyframes every 12 frames
        media.serve("phone.mp4", phone);
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @Test
    void aTrimmedPhoneClipComesBackFromTheFrameAtStartWithItsSoundAndIsChargedItsLength() throws Exception {
        assertTrue(TrimClips.keyframes(phone).containsAll(List.of(24, 36)), "keyframes at 24 and 36");
        assertTrue(!TrimClips.keyframes(phone).contains(25), "frame 25 lies between keyframes");
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("trim");
        String sk = api.paidKey(user, PAID);
        Reply created = create(api, sk, 4, "\"startSeconds\":1.0,\"endSeconds\":3.0");
        assertEquals(201, created.status(), created::toString);
        assertEquals(1.0, created.data().getJsonNumber("startSeconds").doubleValue());
        assertEquals(3.0, created.data().getJsonNumber("endSeconds").doubleValue());
        String id = created.data().getString("id");
        // read at once: the task needs seconds to fetch and swap, so it still holds what create held
        assertEquals(
                2,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("heldSeconds")
                        .longValue(),
                "2 s held, not the declared 4");

        JsonObject done = awaitEnd(api, id);
        assertEquals("succeeded", done.getString("status"), done::toString);
        assertEquals(2, done.getJsonNumber("chargedSeconds").longValue(), "charged the trimmed length");
        assertEquals(50, done.getJsonNumber("frames").longValue());
        assertEquals(PAID - 2, balance(api, user));
        assertEquals(
                0,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("heldSeconds")
                        .longValue());
        JsonObject listed = api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0);
        assertEquals(1.0, listed.getJsonNumber("startSeconds").doubleValue(), "the view shows the trim");
        assertEquals(3.0, listed.getJsonNumber("endSeconds").doubleValue());

        Path result = ApiClientFiles.download(
                        api, done.getString("resultUrl"), sk, phone.resolveSibling("result-trim-it-phone.mp4"))
                .body();
        VideoInfo out = VideoProbe.probe(result, VideoLimits.DEFAULT);
        assertEquals(Orientation.UPRIGHT, out.orientation());
        assertEquals(288, out.width());
        assertEquals(384, out.height());
        assertEquals(50, out.frameCount());
        assertEquals(2.0, out.timeline().seconds(), 0.04, "output duration within a frame");
        int first;
        try (FrameReader reader = new FrameReader(result, 0, 0);
                Mat frame = reader.next()) {
            first = TrimClips.index(frame);
        }
        double click = TrimClips.clickSeconds(result);
        System.out.printf(
                "TrimIT: %d frames, %.3f s, first frame = input frame %d, click at %.4f s, charged %d s%n",
                out.frameCount(),
                out.timeline().seconds(),
                first,
                click,
                done.getJsonNumber("chargedSeconds").longValue());
        assertEquals(25, first, "the first frame is the frame at 1.0 s, not keyframe 24");
        assertEquals(1.0, click, 0.04, "the click at 2.0 s plays at 1.0 s, within a frame");
        TaskFlowIT.assertFaceSwapped(phone, 25, result, 0, 20, 45);

        // a trimmed result of a rotated phone clip carries valid content credentials too (issue 27)
        String why = io.faceswap.provenance.OfficialReader.unavailable();
        if (why != null) {
            System.out.println("TrimIT: content credentials not read: " + why);
            return;
        }
        JsonObject verdict =
                io.faceswap.provenance.OfficialReader.read(List.of(result)).get(result);
        assertTrue(verdict.getBoolean("found"), verdict::toString);
        assertEquals(
                List.of("signingCredential.untrusted"),
                io.faceswap.provenance.OfficialReader.failures(verdict),
                verdict::toString);
        assertTrue(
                io.faceswap.provenance.OfficialReader.successes(verdict).contains("assertion.bmffHash.match"),
                verdict::toString);
    }

    @Test
    void aShortTrimOfALongVideoFetchesOnlyItsPart() throws Exception {
        // 30 s, keyframes every 12 frames; 14.0 s is frame 350, two past keyframe 348; a click at 15.0 s
        Path longClip = TrimClips.phoneClip("trim-it-long", 750, 15.0);
        media.serve("long.mp4", longClip);
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("trim-long");
        String sk = api.paidKey(user, PAID);
        JsonObject done = succeeded(api, sk, "long.mp4", 30, "\"startSeconds\":14.0,\"endSeconds\":16.0");
        long size = java.nio.file.Files.size(longClip);
        long fetched = media.bytesSent("long.mp4");
        Path result = ApiClientFiles.download(
                        api, done.getString("resultUrl"), sk, longClip.resolveSibling("result-trim-it-long.mp4"))
                .body();
        VideoInfo out = VideoProbe.probe(result, VideoLimits.DEFAULT);
        int first;
        try (FrameReader reader = new FrameReader(result, 0, 0);
                Mat frame = reader.next()) {
            first = TrimClips.index(frame);
        }
        double click = TrimClips.clickSeconds(result);
        System.out.printf(
                "TrimIT: 14-16 s of a 30 s video: fetched %d of %d bytes (%.1f%%) in %d range requests;"
                        + " %d frames, %.3f s, first frame %d, click at %.4f s, charged %d s%n",
                fetched,
                size,
                100.0 * fetched / size,
                media.rangeRequests("long.mp4"),
                out.frameCount(),
                out.timeline().seconds(),
                first,
                click,
                done.getJsonNumber("chargedSeconds").longValue());
        assertTrue(media.rangeRequests("long.mp4") > 0, "the video was fetched by ranges");
        assertTrue(fetched < size * 0.4, "only the trimmed part was fetched: " + fetched + " of " + size);
        assertEquals(50, out.frameCount());
        assertEquals(2.0, out.timeline().seconds(), 0.04, "output duration within a frame");
        // frames carry their index in 8 bits: 350 reads as 94 (keyframe 348 would read 92)
        assertEquals(350 % 256, first, "the first frame is the frame at 14.0 s, not keyframe 348");
        assertEquals(1.0, click, 0.04, "the click at 15.0 s plays at 1.0 s, within a frame");
        assertEquals(2, done.getJsonNumber("chargedSeconds").longValue());
        assertEquals(PAID - 2, balance(api, user));
        TaskFlowIT.assertFaceSwapped(longClip, 350, result, 0, 20, 45);
    }

    @Test
    void aVariableRateClipIsCutAtItsOwnFramesTimesThroughTheApi() throws Exception {
        // the astronaut at 25 fps for 2 s, then a frame every 120 ms: frames 50.. at 2.00, 2.12, 2.24, 2.36, 2.48 ...
        Mat photo = new Mat();
        try (Mat astronaut = TestImages.load(TestImages.ASTRONAUT)) {
            opencv_imgproc.resize(astronaut, photo, new Size(288, 288));
        }
        Path cfr;
        try {
            cfr = TestVideos.write(
                    "trim-it-vfr-source",
                    288,
                    288,
                    25,
                    67,
                    TrimClips.click(2.6),
                    TestVideos.Format.MP4,
                    i -> {
                        Mat frame = photo.clone();
                        TrimClips.mark(frame, i);
                        return frame;
                    },
                    r -> r.setGopSize(30));
        } finally {
            photo.close();
        }
        Path vfr = Remux.remux(cfr, "trim-it-vfr", i -> i < 50 ? i * 40_000 : 2_000_000 + (i - 50) * 120_000, 0);
        media.serve("vfr.mp4", vfr);
        FrameTimeline in = VideoProbe.probe(vfr, VideoLimits.DEFAULT).timeline();
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("trim-vfr");
        String sk = api.paidKey(user, PAID);
        JsonObject done = succeeded(api, sk, "vfr.mp4", 5, "\"startSeconds\":2.5,\"endSeconds\":3.0");

        Path result = ApiClientFiles.download(
                        api, done.getString("resultUrl"), sk, vfr.resolveSibling("result-vfr.mp4"))
                .body();
        FrameTimeline out = VideoProbe.probe(result, VideoLimits.DEFAULT).timeline();
        List<Integer> indices = new java.util.ArrayList<>();
        try (FrameReader reader = new FrameReader(result, 0, 0)) {
            for (Mat frame; (frame = reader.next()) != null; ) {
                indices.add(TrimClips.index(frame));
                frame.close();
            }
        }
        double click = TrimClips.clickSeconds(result);
        System.out.printf(
                "TrimIT: variable rate, 2.5-3.0 s: frames %s, %.3f s, click at %.4f s, charged %d s%n",
                indices,
                out.seconds(),
                click,
                done.getJsonNumber("chargedSeconds").longValue());
        // 2.5 s shows frame 54 (from 2.48); 3.0 s falls in frame 58's 120 ms
        assertEquals(List.of(54, 55, 56, 57, 58), indices, "the frames showing from 2.5 to 3.0 s");
        for (int k = 0; k < 5; k++) {
            assertEquals(seconds(in, 54 + k) - seconds(in, 54), seconds(out, k), 0.001, "frame " + k + "'s time");
        }
        assertEquals(0.6, out.seconds(), 0.001, "from 2.48 to the end of frame 58 (3.08)");
        assertEquals(2.6 - 2.48, click, 0.04, "audio in sync within a frame");
        assertEquals(5, done.getJsonNumber("frames").longValue());
        assertEquals(1, done.getJsonNumber("chargedSeconds").longValue(), "0.6 s rounds up to 1");
        assertEquals(PAID - 1, balance(api, user));
        TaskFlowIT.assertFaceSwapped(vfr, 54, result, 0, 2, 4);
    }

    private static double seconds(FrameTimeline t, long i) {
        return (t.pts(i) - t.pts(0)) * (double) t.timeBaseNum() / t.timeBaseDen();
    }

    @Test
    void badTrimsGetTheirCodesAndNothingIsCharged() {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("trim-bad");
        String sk = api.paidKey(user, PAID);
        record Row(String what, String trim, int code) {}
        for (Row row : List.of(
                new Row("negative start", "\"startSeconds\":-1,\"endSeconds\":2", 40006),
                new Row("negative end", "\"endSeconds\":-0.5", 40006),
                new Row("start after end", "\"startSeconds\":3,\"endSeconds\":2", 40007),
                new Row("start equal to end", "\"startSeconds\":2,\"endSeconds\":2", 40007),
                new Row("end past the declared duration", "\"startSeconds\":1,\"endSeconds\":4.5", 40008),
                new Row("start at the declared duration", "\"startSeconds\":4", 40008))) {
            Reply reply = create(api, sk, 4, row.trim());
            assertEquals(400, reply.status(), () -> row.what() + ": " + reply);
            assertEquals(row.code(), reply.json().getInt("code"), () -> row.what() + ": " + reply);
            assertEquals(PAID, balance(api, user), row.what() + ": nothing charged");
            assertEquals(0, tasksOf(api, user), row.what() + ": nothing stored");
        }

        // declared 5 s, but the video is 4 s: only the run finds that endSeconds 4.5 is past its end
        Reply created = create(api, sk, 5, "\"startSeconds\":0.5,\"endSeconds\":4.5");
        assertEquals(201, created.status(), created::toString);
        JsonObject failed = awaitEnd(api, created.data().getString("id"));
        assertEquals("failed", failed.getString("status"), failed::toString);
        assertEquals("TRIM_PAST_END", failed.getString("errorCode"), failed::toString);
        assertEquals(0, failed.getJsonNumber("chargedSeconds").longValue());
        assertEquals(PAID, balance(api, user), "nothing charged");
        assertEquals(
                0,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("heldSeconds")
                        .longValue());
    }

    private static Reply create(ApiClient api, String sk, double duration, String trim) {
        return create(api, sk, "phone.mp4", duration, trim);
    }

    /** Creates the task as {@link #create} does and returns its admin view once it has succeeded. */
    private static JsonObject succeeded(ApiClient api, String sk, String video, double duration, String trim) {
        Reply created = create(api, sk, video, duration, trim);
        assertEquals(201, created.status(), created::toString);
        JsonObject done = awaitEnd(api, created.data().getString("id"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        return done;
    }

    /** A task of Hopper's face on the served {@code video}, with the trim's JSON members. */
    private static Reply create(ApiClient api, String sk, String video, double duration, String trim) {
        return api.createTask(
                String.format(
                        "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":%s,%s}",
                        media.url("hopper.jpg"), media.url(video), duration, trim),
                sk);
    }

    private static JsonObject awaitEnd(ApiClient api, String id) {
        return Await.until(
                "task " + id,
                Duration.ofSeconds(300),
                () -> api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"),
                t -> !List.of("queued", "processing").contains(t.getString("status")));
    }

    private static long balance(ApiClient api, String user) {
        return api.adminGet("/v1/admin/users/" + user)
                .data()
                .getJsonNumber("balanceSeconds")
                .longValue();
    }

    private static int tasksOf(ApiClient api, String user) {
        return api.adminGet("/v1/admin/tasks?q=" + user + "&limit=200")
                .data()
                .getJsonArray("list")
                .size();
    }
}
