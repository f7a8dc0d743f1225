package io.faceswap.swap.cli;

import io.faceswap.swap.SwapException;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Swaps a file without the server:
 * {@code --image photo.jpg --video in.mp4 --out out.mp4 [--threads 2] [--largest-only] [--multi-band] [--snapshot N]}.
 * With {@code --snapshot N}, frame N before and after is also written as PNG beside the output.
 * Exits 2 with a one-line reason on bad input.
 */
public final class SwapCommand {
    private SwapCommand() {}

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        if (!options.containsKey("image") || !options.containsKey("video") || !options.containsKey("out")) {
            fail(
                    "usage: --image PHOTO --video VIDEO --out OUT.mp4 [--threads N] [--largest-only] [--multi-band] [--snapshot N]");
        }
        Path image = Path.of(options.get("image"));
        Path video = Path.of(options.get("video"));
        Path out = Path.of(options.get("out")).toAbsolutePath();
        for (Path p : new Path[] {image, video}) {
            if (!Files.isRegularFile(p)) {
                fail("no such file: " + p);
            }
        }
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        boolean largest = options.containsKey("largest-only");
        boolean multiBand = options.containsKey("multi-band");
        try (FaceFinder finder = new FaceFinder();
                SourceFace source = SourceFace.fromFile(image, finder)) {
            VideoSwapper.Result result = VideoSwapper.swapFile(
                    video,
                    out,
                    () -> new FaceSwapper(source, largest, true, multiBand),
                    threads,
                    30,
                    VideoLimits.DEFAULT,
                    (done, total) ->
                            System.err.printf("\rframes %d/%d (%d%%)", done, total, done * 100 / Math.max(1, total)));
            System.err.println();
            System.out.printf(
                    "%s: %d frames, %d faces swapped, %.1f s (%.1f frames/s)%n",
                    out, result.frames(), result.faces(), result.seconds(), result.framesPerSecond());
            if (options.containsKey("snapshot")) {
                snapshot(video, out, Long.parseLong(options.get("snapshot")));
            }
        } catch (SwapException e) {
            fail(e.errorCode() + ": " + e.getMessage());
        }
    }

    /** Frame N of the input and of the output side by side, each 480 px wide: {@code <out>-before-after.png}. */
    private static void snapshot(Path video, Path out, long frame) {
        String stem = out.getFileName().toString().replaceFirst("\\.mp4$", "");
        try (FrameReader before = new FrameReader(video, frame, 0);
                FrameReader after = new FrameReader(out, frame, 0);
                Mat a = before.next();
                Mat b = after.next();
                MatVector pair = new MatVector(2);
                Mat joined = new Mat()) {
            int width = 480;
            int height = (int) Math.round(a.rows() * (double) width / a.cols());
            try (Size size = new Size(width, height);
                    Mat sa = new Mat();
                    Mat sb = new Mat()) {
                opencv_imgproc.resize(a, sa, size, 0, 0, opencv_imgproc.INTER_AREA);
                opencv_imgproc.resize(b, sb, size, 0, 0, opencv_imgproc.INTER_AREA);
                pair.put(0, sa);
                pair.put(1, sb);
                opencv_core.hconcat(pair, joined);
            }
            Path png = out.resolveSibling(stem + "-before-after.png");
            opencv_imgcodecs.imwrite(png.toString(), joined);
            System.out.println("snapshot: " + png);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                fail("unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }

    private static void fail(String reason) {
        System.err.println("faceswap: " + reason);
        System.exit(2);
    }
}
