package io.faceswap.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The few CBOR (RFC 8949) items a manifest needs, written in definite lengths and in the order given: maps with text or
 * integer keys, arrays, text, byte strings, integers, null and tags. Writing only (the tests read with the official
 * reader), so a library would bring a parser and a data binding for nothing.
 */
final class Cbor {
    private Cbor() {}

    /** A tagged item, e.g. COSE_Sign1 (tag 18). */
    record Tagged(long tag, Object item) {}

    static byte[] encode(Object item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, item);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object item) {
        if (item == null) {
            out.write(0xf6);
        } else if (item instanceof Integer || item instanceof Long) {
            long v = ((Number) item).longValue();
            if (v >= 0) {
                head(out, 0, v);
            } else {
                head(out, 1, -1 - v);
            }
        } else if (item instanceof String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(out, 3, b.length);
            out.writeBytes(b);
        } else if (item instanceof byte[] b) {
            head(out, 2, b.length);
            out.writeBytes(b);
        } else if (item instanceof List<?> list) {
            head(out, 4, list.size());
            list.forEach(e -> write(out, e));
        } else if (item instanceof Map<?, ?> map) {
            head(out, 5, map.size());
            map.forEach((k, v) -> {
                write(out, k);
                write(out, v);
            });
        } else if (item instanceof Tagged t) {
            head(out, 6, t.tag());
            write(out, t.item());
        } else {
            throw new IllegalArgumentException("Not a CBOR item: " + item.getClass());
        }
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
        int m = major << 5;
        if (value < 24) {
            out.write(m | (int) value);
        } else if (value < 0x100) {
            out.write(m | 24);
            out.write((int) value);
        } else if (value < 0x10000) {
            out.write(m | 25);
            bigEndian(out, value, 2);
        } else if (value < 0x100000000L) {
            out.write(m | 26);
            bigEndian(out, value, 4);
        } else {
            out.write(m | 27);
            bigEndian(out, value, 8);
        }
    }

    private static void bigEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}
