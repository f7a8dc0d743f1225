package io.faceswap.media;

/**
 * A span fetch cannot go on by ranges: the server does not serve them, or not exactly, or the file changed. The
 * fetch then downloads the whole file, unless the server sent it already in answer to a range request:
 * {@code served} is then that download, stored at the target.
 */
final class RangeFallback extends RuntimeException {
    final transient RangeHop.Whole served;

    RangeFallback(String why, RangeHop.Whole served) {
        super(why, null, false, false); // a verdict logged as one line, not a failure: no stack trace
        this.served = served;
    }
}
