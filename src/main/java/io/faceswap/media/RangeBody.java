package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the body of a 206 to its sink: exactly as many bytes as its {@code Content-Range} says, each at its offset
 * in the file. One byte more than that is asked of the stream, so excess is noticed without reading it all.
 */
final class RangeBody {

    private RangeBody() {}

    /** Exactly the range's bytes (one more is read to notice excess); fewer or more is a broken answer. */
    static void copy(InputStream body, ContentRange range, RangeHop.Sink sink, TargetUrl hop, Deadline deadline) {
        byte[] buffer = new byte[64 * 1024];
        long expected = range.length();
        long got = 0;
        while (true) {
            int n = read(body, buffer, (int) Math.min(buffer.length, expected - got + 1), hop, deadline);
            if (n == -1) {
                break;
            }
            if (got + n > expected) {
                throw new MediaFetchException(
                        MediaFetchError.PROTOCOL_ERROR, "more bytes than its Content-Range from " + hop.redacted());
            }
            try {
                sink.write(range.first() + got, buffer, n);
            } catch (IOException e) {
                throw new MediaFetchException(
                        MediaFetchError.STORAGE_ERROR, "could not write a range of " + hop.redacted(), e);
            }
            got += n;
        }
        if (got < expected) {
            throw new MediaFetchException(
                    MediaFetchError.PROTOCOL_ERROR,
                    "range body of " + hop.redacted() + " ended after " + got + " of " + expected + " bytes");
        }
    }

    private static int read(InputStream body, byte[] buffer, int want, TargetUrl hop, Deadline deadline) {
        try {
            return body.read(buffer, 0, want);
        } catch (IOException e) {
            throw IoFailures.toFetchException(
                    e, MediaFetchError.PROTOCOL_ERROR, "reading a range of " + hop.redacted() + " failed", deadline);
        }
    }
}
