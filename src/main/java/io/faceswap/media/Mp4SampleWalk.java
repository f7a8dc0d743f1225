package io.faceswap.media;

/**
 * The samples of one track in decode order: {@link #next()} moves to the next one, whose decode time, file offset,
 * size and sync flag are then at hand. Runs on the tables of {@link Mp4Samples} with a few counters, so walking a
 * track costs time in proportion to its (capped) sample count and no memory.
 */
final class Mp4SampleWalk {
    private final Mp4Samples t;
    private int index = -1, sttsEntry, stscEntry, syncEntry;
    private long sttsLeft, delta, nextTime, time, chunk, perChunk, inChunk, offset, size;

    Mp4SampleWalk(Mp4Samples tables) {
        this.t = tables;
    }

    /** Moves to the next sample; false after the last. */
    boolean next() {
        if (index + 1 >= t.count) {
            return false;
        }
        index++;
        while (sttsLeft == 0) {
            if (sttsEntry == t.sttsCount) {
                throw new Mp4Exception("stts covers fewer samples than stsz");
            }
            sttsLeft = t.u32(t.stts + 8 * sttsEntry);
            delta = t.u32(t.stts + 8 * sttsEntry + 4);
            sttsEntry++;
        }
        sttsLeft--;
        time = nextTime;
        nextTime += delta;
        long previousEnd = offset + size;
        size = t.uniformSize != 0 ? t.uniformSize : sizeAt(index);
        if (inChunk == perChunk) {
            nextChunk();
        } else {
            offset = previousEnd; // samples of a chunk follow one another
        }
        inChunk++;
        return true;
    }

    private void nextChunk() {
        chunk++;
        if (chunk > t.chunkCount) {
            throw new Mp4Exception("samples beyond the last chunk");
        }
        while (stscEntry + 1 < t.stscCount && t.u32(t.stsc + 12 * (stscEntry + 1)) <= chunk) {
            stscEntry++;
        }
        perChunk = t.u32(t.stsc + 12 * stscEntry + 4);
        int at = (int) (chunk - 1);
        offset = t.wideOffsets ? t.b.getLong(t.chunks + 8 * at) : t.u32(t.chunks + 4 * at);
        if (offset < 0) {
            throw new Mp4Exception("chunk offset past 2^63");
        }
        inChunk = 0;
    }

    private long sizeAt(int i) {
        return switch (t.sizeBits) {
            case 32 -> t.u32(t.sizes + 4 * i);
            case 16 -> t.b.getShort(t.sizes + 2 * i) & 0xffff;
            case 8 -> t.b.get(t.sizes + i) & 0xff;
            default -> (t.b.get(t.sizes + i / 2) >> (i % 2 == 0 ? 4 : 0)) & 0xf;
        };
    }

    /** Whether the current sample is a sync sample (every sample is when the track has no stss). */
    boolean sync() {
        if (t.stss < 0) {
            return true;
        }
        while (syncEntry < t.stssCount && t.u32(t.stss + 4 * syncEntry) < index + 1L) {
            syncEntry++;
        }
        return syncEntry < t.stssCount && t.u32(t.stss + 4 * syncEntry) == index + 1L;
    }

    int index() {
        return index;
    }

    /** Decode time in the track's timescale, the first sample's being 0. */
    long time() {
        return time;
    }

    long offset() {
        return offset;
    }

    long size() {
        return size;
    }
}
