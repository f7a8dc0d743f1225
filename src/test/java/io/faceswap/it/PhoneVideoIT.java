package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.swap.testing.Remux;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.FrameTimeline;
import io.faceswap.swap.video.Orientation;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Phone footage through the whole service: a portrait clip stored sideways with a display matrix comes back upright
 * with no rotation tag and its face swapped; a variable-frame-rate clip comes back with every frame at its input
 * time.
 */
class PhoneVideoIT extends DeployedWarIT {
    private static MediaServer media;

    @BeforeAll
    static void start() throws Exception {
        media = new MediaServer();
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @Test
    void aSidewaysPhoneClipComesBackUprightWithTheFaceSwapped() {
        Mat upright = new Mat();
        try (Mat photo = TestImages.load(TestImages.ASTRONAUT)) {
            opencv_imgproc.resize(photo, upright, new Size(288, 384)); // portrait, as the phone showed it
        }
        Mat stored = new Mat();
        opencv_core.rotate(upright, stored, opencv_core.ROTATE_90_CLOCKWISE); // as the sensor wrote it
        Path clip = TestVideos.write(
                "phone-portrait",
                stored.cols(),
                stored.rows(),
                25,
                50,
                true,
                TestVideos.Format.MP4,
                i -> stored.clone(),
                r -> r.setDisplayRotation(90));
        Path result = swap(clip, "phone.mp4", 2.5);
        VideoInfo out = VideoProbe.probe(result, VideoLimits.DEFAULT);
        assertEquals(Orientation.UPRIGHT, out.orientation(), "no rotation tag left");
        assertEquals(288, out.width());
        assertEquals(384, out.height());
        TaskFlowIT.assertFaceSwapped(clip, result, 5, 20, 35, 45);
    }

    @Test
    void aVariableFrameRateClipKeepsEveryFramesTime() {
        Path cfr = TestVideos.movingFace(
                "phone-vfr-source", TestImages.ASTRONAUT, 320, 240, 25, 67, false, TestVideos.Format.MP4);
        Path tone = TestVideos.noFace("phone-vfr-tone", 160, 120, 1, 4, true);
        Path clip = Remux.remux(cfr, "phone-vfr", i -> i < 50 ? i * 40_000 : 2_000_000 + (i - 50) * 120_000, 0, tone);
        Path result = swap(clip, "vfr.mp4", 4.1);
        FrameTimeline in = VideoProbe.probe(clip, VideoLimits.DEFAULT).timeline();
        FrameTimeline out = VideoProbe.probe(result, VideoLimits.DEFAULT).timeline();
        assertEquals(in.frameCount(), out.frameCount());
        for (int i = 0; i < in.frameCount(); i++) {
            assertEquals(seconds(in, i), seconds(out, i), 0.001, "frame " + i + " keeps its time");
        }
    }

    private Path swap(Path clip, String name, double duration) {
        ApiClient api = ApiClient.of(base);
        String sk = api.paidKey(ApiClient.uniqueUser("phone"), 60);
        String id = api.createTask(
                        String.format(
                                "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":%s}",
                                media.url("hopper.jpg"), media.serve(name, clip), duration),
                        sk)
                .data()
                .getString("id");
        JsonObject done = Await.until(
                "task " + id,
                Duration.ofSeconds(300),
                () -> api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"),
                t -> !List.of("queued", "processing").contains(t.getString("status")));
        assertEquals("succeeded", done.getString("status"), done::toString);
        return ApiClientFiles.download(
                        api, done.getString("resultUrl"), sk, TestVideos.dir().resolve("result-" + name))
                .body();
    }

    private static double seconds(FrameTimeline t, int i) {
        return (double) (t.pts(i) - t.pts(0)) * t.timeBaseNum() / t.timeBaseDen();
    }
}
