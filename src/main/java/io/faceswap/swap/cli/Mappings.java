package io.faceswap.swap.cli;

import io.faceswap.swap.SwapException;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceIdentity;
import io.faceswap.swap.face.FaceMapping;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.video.Trim;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --map reference.jpg=photo.jpg} (repeatable): only the person of each reference photo is swapped, with that
 * pair's photo. A reference or photo without a usable face exits 2 naming the file; a video in which none of the
 * people is found exits 2 with {@code NO_MAPPED_FACE_FOUND} and no output.
 */
final class Mappings {
    static final int MAX = 8;

    private Mappings() {}

    static void run(List<String> maps, Map<String, String> options, Trim trim) {
        if (maps.size() > MAX) {
            SwapCommand.fail("at most " + MAX + " --map pairs");
        }
        Path video = Path.of(options.get("video"));
        Path out = Path.of(options.get("out")).toAbsolutePath();
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        boolean multiBand = options.containsKey("multi-band");
        List<FaceMapping> mappings = new ArrayList<>();
        try (FaceFinder finder = new FaceFinder()) {
            for (String pair : maps) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    SwapCommand.fail("--map takes REFERENCE=PHOTO: " + pair);
                }
                Path reference = existing(pair.substring(0, eq)), photo = existing(pair.substring(eq + 1));
                float[] who = load(reference, () -> FaceMapping.referenceFrom(reference, finder, Long.MAX_VALUE));
                SourceFace face = load(photo, () -> SourceFace.fromFile(photo, finder));
                mappings.add(new FaceMapping(who, face));
            }
            VideoSwapper.Result result = VideoSwapper.swapFile(
                    video,
                    out,
                    () -> new FaceSwapper(mappings, FaceIdentity.DEFAULT_THRESHOLD, multiBand),
                    threads,
                    30,
                    VideoLimits.DEFAULT,
                    trim,
                    (done, total) -> {});
            if (result.faces() == 0) {
                Files.deleteIfExists(out);
                SwapCommand.fail("NO_MAPPED_FACE_FOUND: none of the mapped people was found in the video");
            }
            System.out.printf(
                    "%s: %d frames, %d faces swapped, %.1f s (%.1f frames/s)%n",
                    out, result.frames(), result.faces(), result.seconds(), result.framesPerSecond());
            SwapCommand.snapshotIfAsked(options, video, out, result, trim);
        } catch (SwapException e) {
            SwapCommand.fail(e.errorCode() + ": " + e.getMessage());
        } catch (IOException e) {
            SwapCommand.fail("cannot write " + out + ": " + e.getMessage());
        } finally {
            mappings.forEach(m -> m.source().close());
        }
    }

    private static Path existing(String name) {
        Path p = Path.of(name);
        if (!Files.isRegularFile(p)) {
            SwapCommand.fail("no such file: " + p);
        }
        return p;
    }

    /** Runs {@code load}, naming the file in the failure. */
    private static <T> T load(Path file, java.util.function.Supplier<T> load) {
        try {
            return load.get();
        } catch (SwapException e) {
            SwapCommand.fail(file + ": " + e.errorCode() + ": " + e.getMessage());
            throw e; // not reached: fail exits
        }
    }
}
