package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/** Reads CRLF-terminated protocol lines with a length cap, so a hostile server cannot make us buffer without end. */
final class HttpLines {

    private HttpLines() {
    }

    /** The next line without its terminator (a bare LF is tolerated), or null at end of stream before any byte. */
    static String readLine(InputStream in, int maxLength) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= maxLength) {
                throw new ProtocolException("protocol line longer than " + maxLength + " bytes");
            }
            line.append((char) c); // ISO-8859-1 view of the bytes: header values are not decoded further
        }
        if (line.length() == 0) {
            return null;
        }
        throw new ProtocolException("connection closed in the middle of a protocol line");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
