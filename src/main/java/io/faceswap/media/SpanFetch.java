package io.faceswap.media;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches only the parts of an MP4/MOV video that a time window needs (issue 26: a 10 s trim of a 3 minute video
 * must not download 3 minutes). The first 64 KiB come by a range request; the top-level boxes are walked to the
 * {@code moov} (at the front, or after the media data, where the box sizes say), which is fetched too; its index
 * gives the byte spans of the samples the window needs and of those FFmpeg reads while probing ({@link Mp4Index});
 * and those spans are fetched into a file of the original length, at their original offsets. FFmpeg reads that file
 * as it reads the original as long as it stays inside the spans, as probing, seeking, decoding the window and
 * cutting its audio do (the rest of the media data is demuxed as zeros, never decoded).
 * <p>
 * Falls back to the whole file, under the same deadline, when the server does not serve ranges (it then sends the
 * whole file in answer to the first request, which is kept), answers a range wrongly, or the file is not an index
 * this plan reads; and fetches the rest of the file by ranges when the window needs most of it anyway.
 */
final class SpanFetch {
    private static final Logger LOG = Logger.getLogger(SpanFetch.class.getName());

    static final int HEAD = 64 * 1024;
    /** Gaps shorter than this are fetched along: one request costs more than a few kilobytes more. */
    static final long BRIDGE = 128 * 1024;

    static final int MAX_RANGES = 32;
    /** When the plan covers more than this share of the file, all of it is fetched. */
    static final double WHOLE_SHARE = 0.8;

    private SpanFetch() {}

    /** @param whole the plain fetch of the whole file, under the same deadline */
    static FetchResult run(
            RangeHop.Link link,
            AddressGuard guard,
            URI uri,
            Path target,
            double start,
            Double end,
            Supplier<FetchResult> whole) {
        long began = System.nanoTime();
        RangeReader ranges = new RangeReader(link, guard, uri, target);
        String why;
        try (ranges) {
            ranges.start(HEAD);
            ByteSpans plan = plan(ranges, start, end);
            for (ByteSpans.Span span : plan.list()) {
                ranges.fetch(span.start(), span.end());
            }
            ranges.commit();
            LOG.log(Level.FINE, "span fetch of {0}: {1} of {2} bytes in {3} spans", new Object[] {
                UriRedaction.redact(uri), ranges.bytes(), ranges.length(), plan.count()
            });
            return new FetchResult(
                    target,
                    ranges.bytes(),
                    ranges.finalUri(),
                    ranges.contentType(),
                    Duration.ofNanos(System.nanoTime() - began));
        } catch (RangeFallback e) {
            if (e.served != null) {
                return new FetchResult(
                        target,
                        ranges.bytes(),
                        ranges.finalUri(),
                        e.served.contentType(),
                        Duration.ofNanos(System.nanoTime() - began));
            }
            why = e.getMessage();
        } catch (Mp4Exception e) {
            why = e.getMessage();
        }
        LOG.log(Level.INFO, "span fetch of {0} falls back to the whole file: {1}", new Object[] {
            UriRedaction.redact(uri), why
        });
        FetchResult all = whole.get();
        return new FetchResult(
                all.target(),
                ranges.bytes() + all.bytes(),
                all.finalUri(),
                all.contentType(),
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** The spans to fetch after the head: the window's, fewer than MAX_RANGES, or the whole file. */
    private static ByteSpans plan(RangeReader ranges, double start, Double end) {
        ByteSpans need;
        try {
            ByteBuffer moov = Mp4Layout.moov(ranges);
            need = Mp4Index.parse(moov, ranges.length()).spans(start, end);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException e) {
            // a check missed by the parser is still a file not to plan from, never a failed task
            throw new Mp4Exception("unreadable index: " + e);
        }
        ByteSpans plan = need.bridged(BRIDGE);
        for (long gap = 2 * BRIDGE; plan.count() > MAX_RANGES; gap *= 2) {
            plan = need.bridged(gap);
        }
        long length = ranges.length();
        if (new ByteSpans().addAll(ranges.fetched()).addAll(plan).length() > WHOLE_SHARE * length) {
            return new ByteSpans().add(0, length);
        }
        return plan;
    }
}
