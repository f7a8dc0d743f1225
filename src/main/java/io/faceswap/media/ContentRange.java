package io.faceswap.media;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of a 206 answer to a single-range request: bytes {@code first..last} (inclusive) of a
 * resource {@code total} bytes long. Only the plain form with a known total is accepted; anything else (an unknown
 * total {@code *}, an unsatisfied-range form, multipart answers, numbers that do not fit) is unusable, and the caller
 * falls back to a whole download rather than guessing where bytes belong.
 */
record ContentRange(long first, long last, long total) {

    // 18 digits always fit a long; no file we accept comes near that
    private static final Pattern FORM = Pattern.compile("bytes[ \\t]+(\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

    ContentRange {
        if (first < 0 || last < first || total <= last) {
            throw new IllegalArgumentException("not a range within the file: " + first + "-" + last + "/" + total);
        }
    }

    /** @return the range, or null when the header is absent or not of the accepted form */
    static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = FORM.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        return first <= last && last < total ? new ContentRange(first, last, total) : null;
    }

    long length() {
        return last - first + 1;
    }
}
