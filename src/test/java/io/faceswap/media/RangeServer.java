package io.faceswap.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file, honouring single {@code Range: bytes=a-b} requests as a media store does (206 with
 * Content-Range and an ETag, If-Range honoured), or misbehaving on purpose; counts the body bytes it sends and records each request's
 * Range header ("-" for none).
 */
final class RangeServer implements HttpHandler {

    enum Mode {
        /** 206 for every range request. */
        RANGES,
        /** Ignores Range: always 200 with the whole file. */
        IGNORES_RANGES,
        /** From the second request on, the bytes one past those asked for, and a Content-Range saying so. */
        SHIFTS_LATER_RANGES,
        /** A Content-Range with an unknown total ("bytes a-b/*"). */
        UNKNOWN_TOTAL,
        /** A new version (another ETag) from the second request on, honouring If-Range: a stale one gets it whole. */
        CHANGES_AFTER_FIRST
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final byte[] file;
    private final Mode mode;
    private final AtomicLong sent = new AtomicLong();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<String> ifRanges = new CopyOnWriteArrayList<>();

    RangeServer(byte[] file, Mode mode) {
        this.file = file;
        this.mode = mode;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "-" : range);
        Matcher m = range == null ? null : RANGE.matcher(range);
        ex.getResponseHeaders().add("Content-Type", "video/mp4");
        String etag = mode == Mode.CHANGES_AFTER_FIRST && ranges.size() > 1 ? "\"v2\"" : "\"v1\"";
        ex.getResponseHeaders().add("ETag", etag);
        String ifRange = ex.getRequestHeaders().getFirst("If-Range");
        if (ifRange != null) {
            ifRanges.add(ifRange);
        }
        if (mode == Mode.IGNORES_RANGES || m == null || !m.matches() || (ifRange != null && !ifRange.equals(etag))) {
            send(ex, 200, 0, file.length);
            return;
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? file.length - 1 : Math.min(Long.parseLong(m.group(2)), file.length - 1);
        if (first >= file.length) {
            ex.getResponseHeaders().add("Content-Range", "bytes */" + file.length);
            ex.sendResponseHeaders(416, -1);
            return;
        }
        if (mode == Mode.SHIFTS_LATER_RANGES && ranges.size() > 1) {
            first = Math.min(first + 1, last);
        }
        String total = mode == Mode.UNKNOWN_TOTAL ? "*" : Long.toString(file.length);
        ex.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + total);
        send(ex, 206, (int) first, (int) (last - first + 1));
    }

    private void send(HttpExchange ex, int status, int from, int length) throws IOException {
        ex.sendResponseHeaders(status, length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(file, from, length);
            sent.addAndGet(length);
        } catch (IOException e) {
            // the client may stop reading a body it does not want (a refused range): not a test failure
        }
    }

    long sent() {
        return sent.get();
    }

    List<String> ranges() {
        return ranges;
    }

    /** The If-Range headers received. */
    List<String> ifRanges() {
        return ifRanges;
    }
}
