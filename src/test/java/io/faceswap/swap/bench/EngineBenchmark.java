package io.faceswap.swap.bench;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Frames per second of the whole pipeline (decode, process, encode segments, assemble with audio) on 10 s clips,
 * for bare decode+encode (the ceiling) and the full face swap, at 640x360 and 1280x720, with 1 and 2 workers; and
 * the process's peak resident memory. Run: {@code mvn -Pbench verify} (or exec:java with the test class path).
 */
public final class EngineBenchmark {
    private static final double GOAL_RATIO = 0.60;
    private static final long GOAL_RSS_MB = 1024;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.printf("Engine benchmark: %d s clips at 30 fps, %d cores, Java %s%n", seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| clip | workers | decode+encode fps (ceiling) | face swap fps | swap / ceiling | goal |");
        System.out.println("|---|---|---|---|---|---|");
        try (FaceFinder finder = new FaceFinder();
             SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder)) {
            for (int[] size : new int[][] {{640, 360}, {1280, 720}}) {
                Path clip = TestVideos.movingFace("bench-" + size[1], TestImages.ASTRONAUT, size[0], size[1], 30,
                        30 * seconds, true, TestVideos.Format.MP4);
                run(clip, 1, () -> FrameProcessor.IDENTITY); // warm-up: JIT, native libraries, page cache
                for (int workers : new int[] {1, 2}) {
                    double ceiling = run(clip, workers, () -> FrameProcessor.IDENTITY);
                    double swap = run(clip, workers, () -> new FaceSwapper(source, false));
                    boolean gated = size[1] == 720 && workers == 2;
                    System.out.printf("| %dx%d | %d | %.1f | %.1f | %.0f%% | %s |%n", size[0], size[1], workers,
                            ceiling, swap, 100 * swap / ceiling,
                            gated ? (swap / ceiling >= GOAL_RATIO ? "met" : "missed") + " (>= 60%)" : "");
                }
            }
        }
        long rss = peakRssMb();
        System.out.printf("Peak resident memory: %d MB (goal < %d MB: %s)%n", rss, GOAL_RSS_MB,
                rss < GOAL_RSS_MB ? "met" : "missed");
    }

    private static double run(Path clip, int workers, Supplier<FrameProcessor> processors) throws IOException {
        Path out = Files.createTempFile(TestVideos.dir(), "bench", ".mp4");
        VideoSwapper.Result r = VideoSwapper.swapFile(clip, out, processors, workers, 30, VideoLimits.DEFAULT,
                (d, t) -> { });
        Files.delete(out);
        return r.framesPerSecond();
    }

    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
