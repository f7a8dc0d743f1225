package io.faceswap.media;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The top-level boxes of an MP4/MOV file, walked from its start by their size fields (32-bit, 64-bit, or 0 for "to
 * the end"), reading through a {@link Source} that fetches what it is asked for. What FFmpeg's demuxer reads at this
 * level ends up fetched: every box's header, the whole {@code moov} and any small box it may parse (uuid, meta,
 * ...). The media data boxes themselves are not read here. Fragmented files, a second {@code moov}, a size running
 * past the end of the file, too many boxes or an oversized one are {@link Mp4Exception}s.
 */
final class Mp4Layout {
    /** What a header is first read with: a faststart {@code moov}, or a small one at the end, usually fits in it. */
    static final int PEEK = 64 * 1024;

    static final int MAX_BOXES = 32, MAX_OTHER_BOX = 1024 * 1024;

    /** Boxes FFmpeg skips over by their size: only their headers are needed. */
    private static final Set<String> SKIPPED = Set.of("mdat", "free", "skip", "wide");
    /** Boxes of fragmented files, whose index is not in the moov. */
    private static final Set<String> FRAGMENTS = Set.of("moof", "mfra", "sidx", "styp", "ssix", "emsg");

    /** Bytes of the file, fetched as needed. */
    interface Source {
        long length();

        /** Bytes {@code [position, position + length)}, which must lie within the file. */
        ByteBuffer read(long position, int length);

        /**
         * At least {@code min} and at most {@code max} bytes from {@code position} (both within the file): what is
         * at hand already when that is enough, else {@code max} bytes, fetched.
         */
        ByteBuffer peek(long position, int min, int max);
    }

    private Mp4Layout() {}

    /** Walks the top level and returns the {@code moov} box, header included. */
    static ByteBuffer moov(Source file) {
        long length = file.length();
        ByteBuffer moov = null;
        long pos = 0;
        for (int boxes = 0; pos < length; boxes++) {
            if (boxes == MAX_BOXES) {
                throw new Mp4Exception("more than " + MAX_BOXES + " top-level boxes");
            }
            if (length - pos < 8) {
                file.read(pos, (int) (length - pos)); // trailing bytes FFmpeg may look at: fetched, not parsed
                break;
            }
            ByteBuffer peek = file.peek(pos, (int) Math.min(16, length - pos), (int) Math.min(PEEK, length - pos));
            long size = Mp4Box.u32(peek, 0);
            String type = Mp4Box.fourcc(peek, 4);
            int header = 8;
            if (size == 1) {
                if (peek.limit() < 16) {
                    throw new Mp4Exception("64-bit box header past the end of the file");
                }
                size = peek.getLong(8);
                header = 16;
            } else if (size == 0) {
                size = length - pos;
            }
            if (size < header || size > length - pos) {
                throw new Mp4Exception("top-level " + type + " of " + size + " bytes at " + pos + " does not fit");
            }
            if (FRAGMENTS.contains(type)) {
                throw new Mp4Exception("a fragmented file (" + type + ")");
            }
            if (type.equals("moov")) {
                if (moov != null || size > Mp4Index.MAX_MOOV) {
                    throw new Mp4Exception("a second moov, or one of " + size + " bytes");
                }
                moov = size <= peek.limit() ? peek.slice(0, (int) size) : file.read(pos, (int) size);
            } else if (!SKIPPED.contains(type) && size > peek.limit()) {
                if (size > MAX_OTHER_BOX) {
                    throw new Mp4Exception("a top-level " + type + " of " + size + " bytes");
                }
                file.read(pos, (int) size);
            }
            pos += size;
        }
        if (moov == null) {
            throw new Mp4Exception("no moov box");
        }
        return moov;
    }
}
