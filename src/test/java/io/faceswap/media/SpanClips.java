package io.faceswap.media;

import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Real MP4 clips for the span-fetch tests: 160x120, H.264 with B-frames and AAC, index at the end or at the front. */
final class SpanClips {

    private SpanClips() {}

    /**
     * Moving bands over noise (so that the picture costs bits and every frame differs) at 25 fps, B-frames, a
     * keyframe every {@code gop} frames, a 440 Hz tone as AAC.
     */
    static Path clip(String name, boolean faststart, int gop, int frames) {
        return TestVideos.write(
                name,
                160,
                120,
                25,
                frames,
                true,
                TestVideos.Format.MP4,
                i -> {
                    Random noise = new Random(i);
                    byte[] pixels = new byte[160 * 120 * 3];
                    for (int p = 0; p < pixels.length; p++) {
                        int x = (p / 3) % 160;
                        int band = ((x + i * 3) / 20) % 6;
                        pixels[p] = (byte) (40 * band + (p % 3) * 30 + noise.nextInt(24));
                    }
                    Mat m = new Mat(120, 160, opencv_core.CV_8UC3);
                    m.data().put(pixels);
                    return m;
                },
                r -> {
                    r.setGopSize(gop);
                    r.setVideoBitrate(1_500_000);
                    r.setVideoOption("profile", "high"); // B-frames: decode order differs from display order
                    if (faststart) {
                        r.setOption("movflags", "+faststart");
                    }
                });
    }
}
