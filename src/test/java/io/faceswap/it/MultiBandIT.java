package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * {@code clipzap.swap.multi-band-blend=true} reaches the engine: a server set so swaps a clip as the engine's
 * multi-band blend does, not as its default feathered blend. The clip is short enough for one partition, so the
 * server's frames are the engine's with one worker, encoded alike.
 */
class MultiBandIT {
    private static final int FRAMES = 40;

    @Test
    void theMultiBandSettingSwapsWithTheMultiBandBlend() throws Exception {
        Path clip = TestVideos.movingFace(
                "multi-band", TestImages.ASTRONAUT, 640, 360, 25, FRAMES, true, TestVideos.Format.MP4);
        Path result;
        try (MediaServer media = new MediaServer();
                ServerProcess server = ServerProcess.prepare(
                        "multi-band",
                        1300,
                        "-Dclipzap.media.allow-private-networks=true",
                        "-Dclipzap.swap.multi-band-blend=true")) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve("clip.mp4", clip);
            server.start();
            ApiClient api = new ApiClient(server.base());
            String sk = api.paidKey(ApiClient.uniqueUser("multiband"), 60);
            String id = api.createTask(
                            String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":2}", photo, video), sk)
                    .data()
                    .getString("id");
            JsonObject done = Await.until(
                    "task " + id,
                    Duration.ofSeconds(300),
                    () -> api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"),
                    t -> !List.of("queued", "processing").contains(t.getString("status")));
            assertEquals("succeeded", done.getString("status"), done::toString);
            result = ApiClientFiles.download(
                            api,
                            done.getString("resultUrl"),
                            sk,
                            TestVideos.dir().resolve("result-multi-band.mp4"))
                    .body();
        }
        Path multiBand = engine(clip, true);
        Path feathered = engine(clip, false);
        double[] toMulti = meanPsnr(result, multiBand);
        double[] toFeathered = meanPsnr(result, feathered);
        System.out.printf(
                "QUALITY multi-band setting: the server's result is at %.1f dB from the engine's multi-band "
                        + "swap and %.1f dB from its feathered one (mean of %d frames)%n",
                toMulti[0], toFeathered[0], (long) toMulti[1]);
        assertEquals(FRAMES, (long) toMulti[1], "every frame compared");
        assertTrue(toMulti[0] > 45, "the server swapped as the multi-band blend does: " + toMulti[0] + " dB");
        assertTrue(toMulti[0] > toFeathered[0] + 3, "and not as the feathered blend: " + toFeathered[0] + " dB");
    }

    private static Path engine(Path clip, boolean multiBand) {
        Path out = TestVideos.dir().resolve("engine-" + (multiBand ? "multi-band" : "feathered") + ".mp4");
        try (SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), TestFinder.shared())) {
            VideoSwapper.swapFile(
                    clip,
                    out,
                    () -> new FaceSwapper(source, false, true, multiBand),
                    1,
                    30,
                    VideoLimits.DEFAULT,
                    (d, t) -> {});
        }
        return out;
    }

    /** {mean PSNR over the frames both have (identical frames count as 99 dB), frames compared}. */
    private static double[] meanPsnr(Path a, Path b) {
        double sum = 0;
        int n = 0;
        try (FrameReader ra = new FrameReader(a, 0, 1);
                FrameReader rb = new FrameReader(b, 0, 1)) {
            while (true) {
                try (Mat fa = ra.next();
                        Mat fb = rb.next()) {
                    if (fa == null || fb == null) {
                        break;
                    }
                    sum += Math.min(99, Measures.psnr(fa, fb));
                    n++;
                }
            }
        }
        return new double[] {sum / Math.max(1, n), n};
    }
}
