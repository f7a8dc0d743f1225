package io.faceswap.provenance;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * What content credentials add to a task: hashing, signing and writing the credentials of the TaskBenchmark's result
 * (a 10 s 720p clip at 30 fps with audio, through the real pipeline), against that task's time.
 * {@code mvn -Pbench test-compile exec:exec -Dbench.main=io.faceswap.provenance.SigningBenchmark
 * -Dbench.args="5.8 9"}: the task's seconds (the README's latest figure) and the runs (the first 3 warm up).
 */
public final class SigningBenchmark {
    private SigningBenchmark() {}

    public static void main(String[] args) throws Exception {
        double taskSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.8;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Path clip = TestVideos.movingFace(
                "task-bench-720", TestImages.ASTRONAUT, 1280, 720, 30, 300, true, TestVideos.Format.MP4);
        Path result = TestVideos.dir().resolve("signing-bench-result.mp4");
        VideoSwapper.swapFile(clip, result, () -> FrameProcessor.IDENTITY, 2, 30, VideoLimits.DEFAULT, (d, t) -> {});
        Path dir = Files.createDirectories(TestVideos.dir().resolve("signing-bench"));
        Provenance provenance = new Provenance(
                SigningCredentials.development(dir, "faceswap-bench"),
                new Provenance.Generator("faceswap-api", "bench"));
        Path marked = dir.resolve("marked.mp4");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            provenance.mark(result, marked, "task-bench");
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        int warm = Math.min(3, runs - 1);
        long[] measured = Arrays.copyOfRange(nanos, warm, runs);
        long[] measuredCpu = Arrays.copyOfRange(cpu, warm, runs);
        Arrays.sort(measured);
        Arrays.sort(measuredCpu);
        double medianMs = measured[measured.length / 2] / 1e6;
        double bestMs = measured[0] / 1e6;
        double cpuMs = measuredCpu[measuredCpu.length / 2] / 1e6;
        System.out.printf(
                "result %.1f MB (+%d bytes of credentials and XMP); mark (copy, hash, sign, append) median %.1f ms,"
                        + " best %.1f ms, CPU %.1f ms (median) over %d runs; %.2f%% of a %.1f s task (goal <= 2%%)%n",
                Files.size(result) / 1e6,
                Files.size(marked) - Files.size(result),
                medianMs,
                bestMs,
                cpuMs,
                measured.length,
                100 * medianMs / 1000 / taskSeconds,
                taskSeconds);
        Files.move(marked, dir.resolve("last-marked.mp4"), StandardCopyOption.REPLACE_EXISTING);
    }
}
