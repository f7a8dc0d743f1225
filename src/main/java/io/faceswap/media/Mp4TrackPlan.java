package io.faceswap.media;

/**
 * The bytes one track needs for a window, found in two walks over its samples: first which samples (by decode
 * time), then where they lie. Decode times never exceed presentation times, and every picture a frame refers to is
 * decoded before it, so selecting by decode time from a sync sample keeps every sample a frame of the window needs.
 */
final class Mp4TrackPlan {

    private Mp4TrackPlan() {}

    /**
     * @param times in the track's media time: the window's start and end and the end of the probing head
     * @throws Mp4Exception when a needed sample lies outside the file
     */
    static void add(Mp4Samples samples, long fileLength, long[] times, ByteSpans out) {
        long from = times[0], to = times[1], head = times[2];
        int lo = 0, hi = -1, headHi = -1;
        Mp4SampleWalk walk = samples.walk();
        while (walk.next()) {
            long t = walk.time();
            int i = walk.index();
            if (t <= from && walk.sync()) {
                lo = i; // the decoder starts at a sync sample, at or before the window's start
            }
            if (t <= to) {
                hi = i;
            }
            if (t <= head || i < Mp4Index.HEAD_SAMPLES) {
                headHi = i;
            }
            if (t > to && t > head && i >= Mp4Index.HEAD_SAMPLES) {
                break; // decode times only grow: nothing later is needed
            }
        }
        if (hi >= 0) {
            // a few samples more: a decoder holding pictures back for reordering needs them to give out the last
            hi = (int) Math.min(samples.count - 1L, (long) hi + Mp4Index.LOOKAHEAD_SAMPLES);
        }
        long[] headSpan = {Long.MAX_VALUE, -1}, windowSpan = {Long.MAX_VALUE, -1};
        int last = Math.max(hi, headHi);
        walk = samples.walk();
        while (walk.index() < last && walk.next()) {
            int i = walk.index();
            boolean inHead = i <= headHi, inWindow = i >= lo && i <= hi;
            if ((inHead || inWindow) && walk.size() > 0) {
                long offset = walk.offset(), size = walk.size();
                if (offset < 0 || size > fileLength || offset > fileLength - size) {
                    throw new Mp4Exception("sample " + i + " lies outside the file");
                }
                extend(inHead ? headSpan : windowSpan, offset, offset + size);
                if (inHead && inWindow) {
                    extend(windowSpan, offset, offset + size);
                }
            }
        }
        add(out, headSpan);
        add(out, windowSpan);
    }

    /** Samples of a track are not always in time order in the file: the span goes from the lowest to the highest. */
    private static void extend(long[] span, long start, long end) {
        span[0] = Math.min(span[0], start);
        span[1] = Math.max(span[1], end);
    }

    private static void add(ByteSpans out, long[] span) {
        if (span[1] > span[0]) {
            out.add(span[0], span[1]);
        }
    }
}
