package io.faceswap.swap.video;

import io.faceswap.swap.FrameProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A whole file in one call (the command line, tests, benchmarks): the frames are split into one contiguous range per
 * worker, each range is processed in blocks written as segments, and the segments are assembled with the audio.
 * The batch layer does the same range by range, with checkpoints.
 */
public final class VideoSwapper {

    public interface Progress {
        void framesDone(long done, long total);
    }

    public record Result(VideoInfo input, long frames, long faces, double seconds) {
        public double framesPerSecond() {
            return frames / seconds;
        }
    }

    public record RangeResult(long frames, long faces) {}

    private VideoSwapper() {}

    public static Result swapFile(
            Path video,
            Path out,
            Supplier<FrameProcessor> processors,
            int threads,
            int blockSize,
            VideoLimits limits,
            Progress progress) {
        return swapFile(video, out, processors, threads, blockSize, limits, Trim.WHOLE, progress);
    }

    /** As above, for the part of the video {@code trim} keeps (its first frame is the result's first). */
    public static Result swapFile(
            Path video,
            Path out,
            Supplier<FrameProcessor> processors,
            int threads,
            int blockSize,
            VideoLimits limits,
            Trim trim,
            Progress progress) {
        long start = System.nanoTime();
        VideoInfo info = VideoProbe.probe(video, limits);
        Trim.FrameRange range = trim.frames(info.timeline());
        Path segments = workDir(out);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        try {
            List<Future<RangeResult>> ranges = new ArrayList<>();
            long total = range.count();
            for (int i = 0; i < threads; i++) {
                long from = range.first() + total * i / threads;
                long to = range.first() + total * (i + 1) / threads;
                if (from == to) {
                    continue; // fewer frames than threads
                }
                ranges.add(pool.submit(() -> {
                    try (FrameProcessor processor = processors.get()) {
                        return swapRange(
                                video,
                                info,
                                from,
                                to,
                                blockSize,
                                processor,
                                segments,
                                n -> progress.framesDone(done.addAndGet(n), total));
                    }
                }));
            }
            long faces = 0;
            for (Future<RangeResult> r : ranges) {
                faces += r.get().faces();
            }
            SegmentAssembler.assemble(
                    Segments.chain(segments, range.first(), range.end()), video, out, info.timeline(), range);
            return new Result(info, total, faces, (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            deleteTree(segments);
        }
    }

    /** Frames [from, to) through {@code processor}, written as segments of {@code blockSize} frames into dir. */
    public static RangeResult swapRange(
            Path video,
            VideoInfo info,
            long from,
            long to,
            int blockSize,
            FrameProcessor processor,
            Path dir,
            java.util.function.LongConsumer done) {
        long faces = 0;
        long frames = 0;
        FrameTimeline timeline = info.timeline() != null || from == 0 ? info.timeline() : FrameTimeline.read(video);
        try (FrameReader reader = new FrameReader(video, from, 1, timeline)) {
            List<Mat> block = new ArrayList<>(blockSize);
            long blockStart = from;
            try {
                for (long index = from; index < to; index++) {
                    Mat frame = reader.next();
                    if (frame == null) {
                        break; // the container's count was high: the video ends here
                    }
                    faces += processor.process(frame, index);
                    block.add(frame);
                    if (block.size() == blockSize || index == to - 1) {
                        SegmentWriter.write(Segments.file(dir, blockStart, index + 1), block, info);
                        frames += block.size();
                        done.accept(block.size());
                        release(block);
                        blockStart = index + 1;
                    }
                }
            } finally {
                release(block);
            }
        }
        return new RangeResult(frames, faces);
    }

    private static void release(List<Mat> frames) {
        frames.forEach(Mat::close);
        frames.clear();
    }

    private static Path workDir(Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            return Files.createTempDirectory(parent, ".segments-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
