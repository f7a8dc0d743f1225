package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.x response head and its body stream, framed per RFC 9112: chunked, Content-Length, or until close.
 *
 * @param contentLength the declared body length, -1 when not declared
 */
record HttpResponse(int status, Map<String, List<String>> headers, long contentLength, InputStream body) {

    private static final int MAX_LINE = 8192;
    private static final int MAX_HEADERS = 100;

    /** Reads the response head, skipping interim 1xx responses, and frames the body. */
    static HttpResponse read(InputStream in) throws IOException {
        while (true) {
            int status = readStatus(in);
            Map<String, List<String>> headers = readHeaders(in);
            if (status == 101) {
                throw new ProtocolException("unexpected protocol switch");
            }
            if (status >= 200) {
                return frame(status, headers, in);
            }
        }
    }

    Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static int readStatus(InputStream in) throws IOException {
        String line = HttpLines.readLine(in, MAX_LINE);
        if (line == null) {
            throw new ProtocolException("connection closed without a response");
        }
        // "HTTP/1.1 200 OK": the reason phrase is optional and ignored
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit)) {
            throw new ProtocolException("invalid status code");
        }
        return Integer.parseInt(code);
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int count = 0; ; count++) {
            String line = HttpLines.readLine(in, MAX_LINE);
            if (line == null) {
                throw new ProtocolException("connection closed inside the response head");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            // obsolete line folding and nameless headers are refused: they are how request smuggling starts
            if (count >= MAX_HEADERS || colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                throw new ProtocolException("malformed or too many response headers");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
    }

    private static HttpResponse frame(int status, Map<String, List<String>> headers, InputStream in) throws IOException {
        if (status == 204 || status == 304) {
            return new HttpResponse(status, headers, 0, InputStream.nullInputStream());
        }
        List<String> codings = tokens(headers.get("transfer-encoding"));
        if (!codings.isEmpty()) {
            // we ask for identity, so chunked is the only coding a well-behaved server may apply
            if (!codings.stream().allMatch(c -> c.equals("chunked") || c.equals("identity"))
                    || !codings.get(codings.size() - 1).equals("chunked")) {
                throw new ProtocolException("unsupported transfer coding " + codings);
            }
            return new HttpResponse(status, headers, -1, new ChunkedInputStream(in));
        }
        List<String> lengths = tokens(headers.get("content-length"));
        if (lengths.isEmpty()) {
            return new HttpResponse(status, headers, -1, in);
        }
        if (lengths.stream().distinct().count() != 1 || !lengths.get(0).matches("[0-9]{1,18}")) {
            throw new ProtocolException("invalid or conflicting Content-Length");
        }
        long length = Long.parseLong(lengths.get(0));
        return new HttpResponse(status, headers, length, new FixedLengthInputStream(in, length));
    }

    private static List<String> tokens(List<String> values) {
        List<String> tokens = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }
}
