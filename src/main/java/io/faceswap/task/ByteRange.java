package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved against a file size. */
record ByteRange(long start, long end, boolean partial) {
    // 18 digits at most: any larger value is past every file anyway, and must not overflow a long
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int MAX_DIGITS = 18;

    long length() {
        return end - start + 1;
    }

    /** No header, or one we do not serve (several ranges), means the whole file, as RFC 9110 allows. */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return new ByteRange(0, size - 1, false);
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new ByteRange(0, size - 1, false);
        }
        if (m.group(1).length() > MAX_DIGITS || m.group(2).length() > MAX_DIGITS) {
            throw new ApiException(ErrorCode.RANGE_NOT_SATISFIABLE, "Range is outside 0-" + (size - 1));
        }
        long start;
        long end;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || start > end) {
            throw new ApiException(ErrorCode.RANGE_NOT_SATISFIABLE, "Range is outside 0-" + (size - 1));
        }
        return new ByteRange(start, end, true);
    }
}
