package io.faceswap.media;

import java.nio.ByteBuffer;

/**
 * The sample tables of one track, checked: every table's entry count must fit its box, so a lying count fails here
 * instead of reading out of bounds, and the sample count is capped, so no walk is unbounded. {@link Walk} then goes
 * through the samples in decode order with each one's decode time, file offset, size and sync flag, holding nothing
 * per sample: memory stays that of the {@code moov} itself.
 */
final class Mp4Samples {

    /** More samples than this in one track is refused (10 minutes of 96 kHz PCM stored per sample fit). */
    static final long MAX_SAMPLES = 64_000_000;

    final ByteBuffer b;
    final int stts, sttsCount, stss, stssCount, stsc, stscCount, sizes, sizeBits, chunks, chunkCount;
    final long uniformSize;
    final boolean wideOffsets;
    final int count;

    Mp4Samples(ByteBuffer b, Mp4Box stbl) {
        this.b = b;
        Mp4Box timeBox = stbl.require(b, "stts");
        stts = timeBox.body() + 8;
        sttsCount = entries(timeBox, 8, 8);
        Mp4Box syncBox = stbl.child(b, "stss");
        stss = syncBox == null ? -1 : syncBox.body() + 8;
        stssCount = syncBox == null ? 0 : entries(syncBox, 8, 4);
        Mp4Box chunkMap = stbl.require(b, "stsc");
        stsc = chunkMap.body() + 8;
        stscCount = entries(chunkMap, 8, 12);
        Mp4Box stsz = stbl.child(b, "stsz"), stz2 = stbl.child(b, "stz2");
        Mp4Box sizeBox = one(stsz, stz2, "stsz/stz2");
        sizeBox.need(12);
        long n = Mp4Box.u32(b, sizeBox.body() + 8);
        uniformSize = stsz != null ? Mp4Box.u32(b, sizeBox.body() + 4) : 0;
        sizeBits = stsz != null ? 32 : b.get(sizeBox.body() + 7) & 0xff;
        if (sizeBits != 4 && sizeBits != 8 && sizeBits != 16 && sizeBits != 32) {
            throw new Mp4Exception("stz2 field size " + sizeBits);
        }
        if (n > MAX_SAMPLES) {
            throw new Mp4Exception(n + " samples in one track");
        }
        sizes = sizeBox.body() + 12;
        if (uniformSize == 0) {
            sizeBox.need(12 + (n * sizeBits + 7) / 8);
        }
        count = (int) n;
        Mp4Box co32 = stbl.child(b, "stco"), co64 = stbl.child(b, "co64");
        Mp4Box offsetBox = one(co32, co64, "stco/co64");
        wideOffsets = co64 != null;
        chunks = offsetBox.body() + 8;
        chunkCount = entries(offsetBox, 8, wideOffsets ? 8 : 4);
        checkChunkMap();
    }

    /** The entry count of a table (after version and flags), checked against the box's size. */
    private int entries(Mp4Box box, int header, int entrySize) {
        box.need(header);
        long n = Mp4Box.u32(b, box.body() + 4);
        box.need(header + n * entrySize);
        return (int) n;
    }

    private static Mp4Box one(Mp4Box a, Mp4Box b, String what) {
        if ((a == null) == (b == null)) {
            throw new Mp4Exception("need exactly one of " + what);
        }
        return a != null ? a : b;
    }

    /** First chunks start at 1 and increase, and no run has zero samples per chunk (a walk could not advance). */
    private void checkChunkMap() {
        long previous = 0;
        for (int k = 0; k < stscCount; k++) {
            long first = Mp4Box.u32(b, stsc + 12 * k);
            long perChunk = Mp4Box.u32(b, stsc + 12 * k + 4);
            if ((k == 0 ? first != 1 : first <= previous) || perChunk == 0) {
                throw new Mp4Exception("stsc entry " + k + " is out of order or empty");
            }
            previous = first;
        }
        if (count > 0 && stscCount == 0) {
            throw new Mp4Exception("samples without a chunk map");
        }
    }

    Mp4SampleWalk walk() {
        return new Mp4SampleWalk(this);
    }

    long u32(int pos) {
        return Mp4Box.u32(b, pos);
    }
}
