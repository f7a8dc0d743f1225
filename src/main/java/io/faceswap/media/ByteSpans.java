package io.faceswap.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of byte positions of a file, kept as sorted, disjoint, non-touching half-open spans {@code [start, end)}.
 * Used for what a span fetch needs and for what it already has, so that no byte is asked for twice.
 */
final class ByteSpans {

    /** One span, {@code start} inclusive, {@code end} exclusive. */
    record Span(long start, long end) {
        Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
            }
        }

        long length() {
            return end - start;
        }
    }

    private final TreeMap<Long, Long> spans = new TreeMap<>();

    /** Adds {@code [start, end)}, merging it with every span it overlaps or touches; empty spans are ignored. */
    ByteSpans add(long start, long end) {
        if (end <= start) {
            return this;
        }
        Map.Entry<Long, Long> before = spans.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next;
        while ((next = spans.ceilingEntry(start)) != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            spans.remove(next.getKey());
        }
        spans.put(start, end);
        return this;
    }

    ByteSpans addAll(ByteSpans other) {
        other.spans.forEach(this::add);
        return this;
    }

    /** The parts of {@code [start, end)} not in this set, in order. */
    List<Span> missing(long start, long end) {
        List<Span> gaps = new ArrayList<>();
        long at = start;
        Map.Entry<Long, Long> e = spans.floorEntry(start);
        if (e == null || e.getValue() <= start) {
            e = spans.higherEntry(start);
        }
        for (; e != null && e.getKey() < end && at < end; e = spans.higherEntry(e.getKey())) {
            if (e.getKey() > at) {
                gaps.add(new Span(at, e.getKey()));
            }
            at = Math.max(at, e.getValue());
        }
        if (at < end) {
            gaps.add(new Span(at, end));
        }
        return gaps;
    }

    /** How many bytes from {@code position} on are in the set without a gap (0 when it is not). */
    long runFrom(long position) {
        Map.Entry<Long, Long> e = spans.floorEntry(position);
        return e == null || e.getValue() <= position ? 0 : e.getValue() - position;
    }

    /** The same set with every gap shorter than {@code gap} filled: fewer, slightly larger requests. */
    ByteSpans bridged(long gap) {
        ByteSpans out = new ByteSpans();
        long[] open = null;
        for (Map.Entry<Long, Long> e : spans.entrySet()) {
            if (open != null && e.getKey() - open[1] < gap) {
                open[1] = e.getValue();
                continue;
            }
            if (open != null) {
                out.add(open[0], open[1]);
            }
            open = new long[] {e.getKey(), e.getValue()};
        }
        if (open != null) {
            out.add(open[0], open[1]);
        }
        return out;
    }

    List<Span> list() {
        List<Span> out = new ArrayList<>(spans.size());
        spans.forEach((s, e) -> out.add(new Span(s, e)));
        return out;
    }

    int count() {
        return spans.size();
    }

    /** How many bytes the set holds. */
    long length() {
        long n = 0;
        for (Map.Entry<Long, Long> e : spans.entrySet()) {
            n += e.getValue() - e.getKey();
        }
        return n;
    }

    @Override
    public String toString() {
        return spans.toString();
    }
}
