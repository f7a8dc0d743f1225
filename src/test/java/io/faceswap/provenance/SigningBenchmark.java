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
 * -Dbench.args="5.8 40"}: the task's seconds (the README's latest figure) and the runs, of which the first half warm
 * up (the signature and CBOR code take 70 ms of CPU until the JIT has compiled them, 13 after, as in a running server).
 */
public final class SigningBenchmark {
    private SigningBenchmark() {}

    public static void main(String[] args) throws Exception {
        String[] a = String.join(" ", args).trim().split("[ ,]+"); // exec:exec passes bench.args as one argument
        double taskSeconds = a.length > 0 && !a[0].isEmpty() ? Double.parseDouble(a[0]) : 5.8;
        int runs = a.length > 1 ? Integer.parseInt(a[1]) : 40;
        Path clip = TestVideos.movingFace(
                "task-bench-720", TestImages.ASTRONAUT, 1280, 720, 30, 300, true, TestVideos.Format.MP4);
        Path result = TestVideos.dir().resolve("signing-bench-result.mp4");
        VideoSwapper.swapFile(clip, result, () -> FrameProcessor.IDENTITY, 2, 30, VideoLimits.DEFAULT, (d, t) -> {});
        Path dir = Files.createDirectories(TestVideos.dir().resolve("signing-bench"));
        Provenance provenance = new Provenance(
                SigningCredentials.development(dir, "faceswap-bench"),
                new Provenance.Generator("faceswap-api", "bench"));
        Path marked = dir.resolve("marked.mp4");
        Path work = dir.resolve("unsigned.mp4");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            Files.copy(result, work, StandardCopyOption.REPLACE_EXISTING); // the assembler's output, untimed
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            provenance.markAndMove(work, marked, "task-bench"); // as AssembleResultBatchlet does
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        int warm = runs / 2;
        long[] measured = Arrays.copyOfRange(nanos, warm, runs);
        long[] measuredCpu = Arrays.copyOfRange(cpu, warm, runs);
        Arrays.sort(measured);
        Arrays.sort(measuredCpu);
        double medianMs = measured[measured.length / 2] / 1e6;
        double bestMs = measured[0] / 1e6;
        double cpuMs = measuredCpu[measuredCpu.length / 2] / 1e6;
        System.out.printf(
                "result %.1f MB (+%d bytes of credentials and XMP); mark (hash, sign, append, rename) median %.1f ms,"
                        + " best %.1f ms, CPU %.1f ms (median) over %d runs; %.2f%% of a %.1f s task (goal <= 2%%)%n",
                Files.size(result) / 1e6,
                Files.size(marked) - Files.size(result),
                medianMs,
                bestMs,
                cpuMs,
                measured.length,
                100 * medianMs / 1000 / taskSeconds,
                taskSeconds);
        long[] hashCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            Mp4Credentials.hash(result);
            hashCpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        System.out.println("CPU ms of each mark: "
                + Arrays.toString(Arrays.stream(cpu).map(n -> n / 1_000_000).toArray()) + "; of the BMFF hash alone: "
                + Arrays.toString(Arrays.stream(hashCpu).map(n -> n / 1_000_000).toArray()));
        Files.move(marked, dir.resolve("last-marked.mp4"), StandardCopyOption.REPLACE_EXISTING);
    }
}
