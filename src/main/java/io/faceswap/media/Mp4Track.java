package io.faceswap.media;

import java.nio.ByteBuffer;

/**
 * What a span plan needs of one {@code trak}: its kind ({@code hdlr}), the type of its sample entry ({@code stsd}),
 * its timescale ({@code mdhd}), where its presentation starts ({@code elst}, as FFmpeg applies it: leading empty
 * edits delay the track, the one edit that follows says from which media time it plays), the composition offset of
 * its first sample ({@code ctts}) and its sample tables.
 */
final class Mp4Track {
    /** Edit lists longer than this are not read (real files have one or two entries). */
    private static final int MAX_EDITS = 64;

    final String handler;
    final String codec;
    final long sampleEntries;
    final long timescale;
    /** Media time (timescale units) shown first: the edit's media_time, 0 without an edit list. */
    long mediaStart;
    /** Leading empty edits, in the movie's timescale. */
    long emptyEdit;
    /** Composition offset of the first sample, timescale units (0 without ctts). */
    final long firstOffset;

    final Mp4Samples samples;

    private Mp4Track(ByteBuffer b, Mp4Box trak) {
        Mp4Box mdia = trak.require(b, "mdia");
        Mp4Box mdhd = mdia.require(b, "mdhd");
        int v = mdhd.version(b);
        mdhd.need(v == 1 ? 24 : 16);
        timescale = Mp4Box.u32(b, mdhd.body() + (v == 1 ? 20 : 12));
        if (timescale == 0) {
            throw new Mp4Exception("track timescale 0");
        }
        Mp4Box hdlr = mdia.require(b, "hdlr");
        hdlr.need(12);
        handler = Mp4Box.fourcc(b, hdlr.body() + 8);
        Mp4Box stbl = mdia.require(b, "minf").require(b, "stbl");
        Mp4Box stsd = stbl.require(b, "stsd");
        stsd.need(16);
        sampleEntries = Mp4Box.u32(b, stsd.body() + 4);
        codec = Mp4Box.fourcc(b, stsd.body() + 12);
        Mp4Box ctts = stbl.child(b, "ctts");
        firstOffset = ctts != null && ctts.end() - ctts.body() >= 16 && Mp4Box.u32(b, ctts.body() + 4) > 0
                ? b.getInt(ctts.body() + 12) // signed in version 1, and read so by FFmpeg in version 0 too
                : 0;
        samples = new Mp4Samples(b, stbl);
        Mp4Box edts = trak.child(b, "edts");
        Mp4Box elst = edts == null ? null : edts.child(b, "elst");
        if (elst != null) {
            readEdits(b, elst);
        }
    }

    static Mp4Track parse(ByteBuffer b, Mp4Box trak) {
        return new Mp4Track(b, trak);
    }

    /**
     * Leading empty edits, then at most one edit at normal rate; anything else (several played edits, a rate
     * other than 1, an empty edit after a played one) rearranges time in ways the plan does not model.
     */
    private void readEdits(ByteBuffer b, Mp4Box elst) {
        int v = elst.version(b);
        elst.need(8);
        long n = Mp4Box.u32(b, elst.body() + 4);
        int entry = v == 1 ? 20 : 12;
        if (n > MAX_EDITS) {
            throw new Mp4Exception(n + " edits");
        }
        elst.need(8 + n * entry);
        boolean played = false;
        for (int i = 0; i < n; i++) {
            int at = elst.body() + 8 + i * entry;
            long duration = v == 1 ? b.getLong(at) : Mp4Box.u32(b, at);
            long mediaTime = v == 1 ? b.getLong(at + 8) : b.getInt(at + 4);
            int rate = b.getInt(at + (v == 1 ? 16 : 8));
            if (mediaTime == -1 && !played) {
                if (duration < 0 || duration > 1L << 48) {
                    throw new Mp4Exception("an empty edit of " + duration);
                }
                emptyEdit += duration; // at most 64 of 2^48: no overflow
                continue;
            }
            if (played || mediaTime < 0 || rate != 0x10000) {
                throw new Mp4Exception("an edit list this plan does not model");
            }
            played = true;
            mediaStart = mediaTime;
        }
    }

    boolean video() {
        return "vide".equals(handler);
    }

    boolean audio() {
        return "soun".equals(handler);
    }
}
