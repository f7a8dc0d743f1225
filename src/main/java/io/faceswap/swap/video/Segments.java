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

    /**
     * The segments covering [from, to) in order (a trimmed task's frames); fails if any frame is missing. Where
     * segments overlap (a chunk redone in place a frame at a time, after which chunks start at other frames; a
     * complete segment of the chunk that failed is still there), the chain takes the longest segment at each frame
     * from which {@code to} can still be reached exactly.
     */
    public static List<Path> chain(Path dir, long from, long to) {
        Map<Long, List<Long>> endsByStart = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    endsByStart
                            .computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>())
                            .add(Long.parseLong(m.group(2)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        endsByStart.values().forEach(ends -> ends.sort(java.util.Comparator.reverseOrder())); // longest first
        Map<Long, Long> next = new HashMap<>(); // frame -> end of the segment chosen there; absent: not yet judged
        if (!reaches(from, to, endsByStart, next)) {
            long gap = from; // where the longest segments lead to a frame no segment starts at
            while (endsByStart.containsKey(gap) && endsByStart.get(gap).get(0) > gap) {
                gap = endsByStart.get(gap).get(0);
            }
            throw new IllegalStateException("No segment starts at frame " + gap + " in " + dir
                    + " (no chain of segments covers frames " + from + "-" + to + ")");
        }
        List<Path> chain = new ArrayList<>();
        for (long cursor = from; cursor < to; cursor = next.get(cursor)) {
            chain.add(file(dir, cursor, next.get(cursor)));
        }
        return chain;
    }

    /** Whether {@code to} is reached exactly from {@code at}; records the choice in {@code next} (-1: it is not). */
    private static boolean reaches(long at, long to, Map<Long, List<Long>> endsByStart, Map<Long, Long> next) {
        // iterative over frames from the last down, so a long chain of one-frame segments needs no deep recursion
        java.util.TreeSet<Long> starts = new java.util.TreeSet<>(endsByStart.keySet());
        for (Long start : starts.descendingSet()) {
            if (start < at || start >= to) {
                continue;
            }
            next.put(start, -1L);
            for (long end : endsByStart.get(start)) {
                if (end == to || end < to && next.getOrDefault(end, -1L) > end) {
                    next.put(start, end);
                    break;
                }
            }
        }
        return next.getOrDefault(at, -1L) > at;
    }
}
