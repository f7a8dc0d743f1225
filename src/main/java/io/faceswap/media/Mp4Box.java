package io.faceswap.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One box inside a buffer that holds a whole {@code moov}: its four-character type and where it starts, where its
 * body starts and where it ends. Every size field is checked against its parent before it is used, so a lying size
 * can only make parsing fail ({@link Mp4Exception}), never read outside the buffer or loop.
 */
record Mp4Box(String type, int start, int body, int end) {

    /** Children read from one container at most: real files have a handful, hostile ones get no further. */
    static final int MAX_CHILDREN = 4096;

    /** The box at {@code pos}, which must end by {@code limit} (its parent's end). */
    static Mp4Box at(ByteBuffer b, int pos, int limit) {
        if (limit - pos < 8) {
            throw new Mp4Exception("box header past its parent's end");
        }
        long size = u32(b, pos);
        String type = fourcc(b, pos + 4);
        int header = 8;
        if (size == 1) {
            if (limit - pos < 16) {
                throw new Mp4Exception("64-bit box header past its parent's end");
            }
            size = b.getLong(pos + 8);
            header = 16;
        } else if (size == 0) {
            size = limit - pos; // "to the end": of the parent, here
        }
        if (size < header || size > limit - pos) {
            throw new Mp4Exception("box " + type + " of " + size + " bytes does not fit its parent");
        }
        return new Mp4Box(type, pos, pos + header, pos + (int) size);
    }

    /** The boxes inside this one (from {@code offset} bytes into the body, for boxes with fields before them). */
    List<Mp4Box> children(ByteBuffer b, int offset) {
        List<Mp4Box> out = new ArrayList<>();
        int pos = body + offset;
        while (end - pos >= 8) {
            if (out.size() == MAX_CHILDREN) {
                throw new Mp4Exception("more than " + MAX_CHILDREN + " boxes in " + type);
            }
            Mp4Box child = at(b, pos, end);
            out.add(child);
            pos = child.end;
        }
        return out;
    }

    /** The only child of that type, or null; two of them is refused (FFmpeg might read the other one). */
    Mp4Box child(ByteBuffer b, String wanted) {
        Mp4Box found = null;
        for (Mp4Box c : children(b, 0)) {
            if (c.type.equals(wanted)) {
                if (found != null) {
                    throw new Mp4Exception("two " + wanted + " boxes in " + type);
                }
                found = c;
            }
        }
        return found;
    }

    /** As {@link #child} for a box that must be there. */
    Mp4Box require(ByteBuffer b, String wanted) {
        Mp4Box c = child(b, wanted);
        if (c == null) {
            throw new Mp4Exception("no " + wanted + " box in " + type);
        }
        return c;
    }

    /** The version byte of a full box. */
    int version(ByteBuffer b) {
        need(4);
        return b.get(body) & 0xff;
    }

    /** Fails unless the body holds at least {@code bytes} bytes. */
    void need(long bytes) {
        if (bytes < 0 || bytes > end - body) {
            throw new Mp4Exception(type + " box too short for its fields");
        }
    }

    static long u32(ByteBuffer b, int pos) {
        return b.getInt(pos) & 0xffffffffL;
    }

    /** A box type as text; bytes outside printable ASCII read as '?', so a hostile type cannot forge log lines. */
    static String fourcc(ByteBuffer b, int pos) {
        byte[] c = new byte[4];
        b.get(pos, c);
        for (int i = 0; i < 4; i++) {
            c[i] = c[i] >= 0x20 && c[i] < 0x7f ? c[i] : (byte) '?';
        }
        return new String(c, StandardCharsets.US_ASCII);
    }
}
