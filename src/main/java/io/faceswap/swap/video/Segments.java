package io.faceswap.swap.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Segment files are named by the frames they hold, {@code <from>-<to>.mp4}. The result is assembled from the chain
 * that covers every frame exactly once, so leftovers of an interrupted run can never duplicate or reorder frames.
 */
public final class Segments {
    private static final Pattern NAME = Pattern.compile("(\\d{10})-(\\d{10})\\.mp4");

    private Segments() {}

    public static Path file(Path dir, long from, long to) {
        return dir.resolve(String.format("%010d-%010d.mp4", from, to));
    }

    /** The segments covering [0, frameCount) in order; fails if any frame is missing. */
    public static List<Path> chain(Path dir, long frameCount) {
        return chain(dir, 0, frameCount);
    }

    /** The segments covering [from, to) in order (a trimmed task's frames); fails if any frame is missing. */
    public static List<Path> chain(Path dir, long from, long to) {
        Map<Long, List<long[]>> byStart = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    long start = Long.parseLong(m.group(1));
                    byStart.computeIfAbsent(start, k -> new ArrayList<>())
                            .add(new long[] {start, Long.parseLong(m.group(2))});
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> chain = new ArrayList<>();
        long cursor = from;
        while (cursor < to) {
            List<long[]> candidates = byStart.get(cursor);
            if (candidates == null) {
                throw new IllegalStateException("No segment starts at frame " + cursor + " in " + dir);
            }
            long[] longest =
                    candidates.stream().max((a, b) -> Long.compare(a[1], b[1])).orElseThrow();
            chain.add(file(dir, longest[0], longest[1]));
            cursor = longest[1];
        }
        return chain;
    }
}
