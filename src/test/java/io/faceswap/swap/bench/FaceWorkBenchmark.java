package io.faceswap.swap.bench;

import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.FrameReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The face work alone, without decode or encode: the frames of one benchmark clip are decoded into memory once, then
 * swapped on one thread, several rounds, and the thread's CPU milliseconds per frame printed (CPU time holds when
 * the machine is shared; for profiling the per-face path).
 * Args: {@code moving|close-up}, frame height (360 or 720), frames, rounds.
 */
public final class FaceWorkBenchmark {
    private FaceWorkBenchmark() {}

    public static void main(String[] given) {
        // exec:exec passes -Dbench.args as one argument
        String[] args = given.length == 1 ? given[0].trim().split("\\s+") : given;
        String kind = args.length > 0 ? args[0] : "close-up";
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 360;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 150;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int w = h * 16 / 9;
        Path clip = kind.equals("moving")
                ? TestVideos.movingFace("bench-" + h, TestImages.ASTRONAUT, w, h, 30, 300, true, TestVideos.Format.MP4)
                : TestVideos.closeUp(
                        "bench-close-" + h, TestImages.ASTRONAUT, w, h, 30, 300, EngineBenchmark.CLOSE_UP_SHARE);
        List<Mat> frames = new ArrayList<>();
        try (FrameReader reader = new FrameReader(clip, 0, 1)) {
            for (int i = 0; i < n; i++) {
                frames.add(reader.next());
            }
        }
        try (FaceFinder finder = new FaceFinder();
                SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder)) {
            for (int round = 0; round < rounds; round++) {
                long faces = 0;
                long t0 =
                        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long[] follow;
                try (FaceSwapper swapper = new FaceSwapper(source, false)) {
                    for (int i = 0; i < n; i++) {
                        try (Mat copy = frames.get(i).clone()) {
                            faces += swapper.process(copy, i);
                        }
                    }
                    follow = swapper.followCounts();
                }
                double ms = (java.lang.management.ManagementFactory.getThreadMXBean()
                                        .getCurrentThreadCpuTime()
                                - t0)
                        / 1e6
                        / n;
                System.out.printf(
                        "%s %dp round %d: %.2f CPU ms/frame (face work and one frame copy, this thread), %d faces, %d landmark runs, %d predicted, %d of them redrawn%n",
                        kind, h, round, ms, faces, follow[0], follow[1], follow[2]);
            }
        }
        frames.forEach(Mat::close);
    }
}
