package io.faceswap.media;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file for {@link Mp4Layout} without a network: a length (as large as wanted, nothing is allocated for it) and
 * pieces of content at offsets, zeros elsewhere. Records every byte it was asked for.
 */
final class MemoryFile implements Mp4Layout.Source {
    private final long length;
    private final TreeMap<Long, byte[]> pieces = new TreeMap<>();
    private final ByteSpans read = new ByteSpans();

    MemoryFile(long length) {
        this.length = length;
    }

    MemoryFile put(long offset, byte[] bytes) {
        pieces.put(offset, bytes);
        return this;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public ByteBuffer read(long position, int count) {
        if (position < 0 || count < 0 || position + count > length) {
            throw new AssertionError("read past the file: " + position + "+" + count);
        }
        read.add(position, position + count);
        byte[] out = new byte[count];
        for (Map.Entry<Long, byte[]> e : pieces.entrySet()) {
            long from = Math.max(position, e.getKey());
            long to = Math.min(position + count, e.getKey() + e.getValue().length);
            if (from < to) {
                System.arraycopy(
                        e.getValue(), (int) (from - e.getKey()), out, (int) (from - position), (int) (to - from));
            }
        }
        return ByteBuffer.wrap(out);
    }

    @Override
    public ByteBuffer peek(long position, int min, int max) {
        return read(position, max);
    }

    /** Every byte asked for so far. */
    ByteSpans read() {
        return read;
    }
}
