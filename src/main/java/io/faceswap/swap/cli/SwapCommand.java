package io.faceswap.swap.cli;

import io.faceswap.swap.SwapException;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.Trim;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Swaps a file without the server:
 * {@code --image photo.jpg --video in.mp4 --out out.mp4 [--threads 2] [--largest-only] [--multi-band] [--snapshot N]
 * [--start S] [--end E]}. With {@code --snapshot N}, frame N before and after is also written as PNG beside the output
 * (N counts the output's frames; with a trim, the input frame shown beside it is the one at the same time).
 * {@code --start}/{@code --end} (seconds) swap and return only that part, as the API's startSeconds/endSeconds.
 * Instead of {@code --image}, {@code --map reference.jpg=photo.jpg} (repeatable, up to 8) swaps only the person of
 * each reference photo, with that pair's photo ({@link Mappings}). Exits 2 with a one-line reason on bad input.
 */
public final class SwapCommand {
    private SwapCommand() {}

    public static void main(String[] args) {
        List<String> maps = new ArrayList<>();
        Map<String, String> options = parse(args, maps);
        if (!maps.isEmpty() && options.containsKey("video") && options.containsKey("out")) {
            Mappings.run(maps, options, trim(options.get("start"), options.get("end")));
            return;
        }
        if (!options.containsKey("image") || !options.containsKey("video") || !options.containsKey("out")) {
            fail("usage: (--image PHOTO | --map REFERENCE=PHOTO ...) --video VIDEO --out OUT.mp4 [--threads N]"
                    + " [--largest-only] [--multi-band] [--snapshot N] [--start SECONDS] [--end SECONDS]");
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
        Trim trim = trim(options.get("start"), options.get("end"));
        try (FaceFinder finder = new FaceFinder();
                SourceFace source = SourceFace.fromFile(image, finder)) {
            VideoSwapper.Result result = VideoSwapper.swapFile(
                    video,
                    out,
                    () -> new FaceSwapper(source, largest, true, multiBand),
                    threads,
                    30,
                    VideoLimits.DEFAULT,
                    trim,
                    (done, total) ->
                            System.err.printf("\rframes %d/%d (%d%%)", done, total, done * 100 / Math.max(1, total)));
            System.err.println();
            System.out.printf(
                    "%s: %d frames, %d faces swapped, %.1f s (%.1f frames/s)%n",
                    out, result.frames(), result.faces(), result.seconds(), result.framesPerSecond());
            snapshotIfAsked(options, video, out, result, trim);
        } catch (SwapException e) {
            fail(e.errorCode() + ": " + e.getMessage());
        }
    }

    static void snapshotIfAsked(
            Map<String, String> options, Path video, Path out, VideoSwapper.Result result, Trim trim) {
        if (options.containsKey("snapshot")) {
            long frame = Long.parseLong(options.get("snapshot"));
            long inputFrame = trim.frames(result.input().timeline()).first() + frame;
            snapshot(video, inputFrame, out, frame);
        }
    }

    /** @return the trim the options ask for; a bad value exits 2 with the reason */
    private static Trim trim(String start, String end) {
        try {
            Double s = start == null ? null : Double.valueOf(start);
            Double e = end == null ? null : Double.valueOf(end);
            if ((s != null && s < 0) || (e != null && e < 0)) {
                fail("--start and --end must not be negative");
            }
            if (e != null && e <= (s == null ? 0 : s)) {
                fail("--start must be before --end");
            }
            return Trim.of(s, e);
        } catch (NumberFormatException ex) {
            fail("--start and --end are seconds, e.g. 1.5");
            return Trim.WHOLE;
        }
    }

    /** Input frame {@code inFrame} and output frame {@code outFrame} side by side, 480 px wide each. */
    private static void snapshot(Path video, long inFrame, Path out, long outFrame) {
        String stem = out.getFileName().toString().replaceFirst("\\.mp4$", "");
        try (FrameReader before = new FrameReader(video, inFrame, 0);
                FrameReader after = new FrameReader(out, outFrame, 0);
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

    private static Map<String, String> parse(String[] args, List<String> maps) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                fail("unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            String value = flag ? "true" : args[++i];
            if (key.equals("map")) {
                maps.add(value);
            } else {
                options.put(key, value);
            }
        }
        return options;
    }

    static void fail(String reason) {
        System.err.println("faceswap: " + reason);
        System.exit(2);
    }
}
