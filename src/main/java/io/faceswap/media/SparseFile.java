package io.faceswap.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file beside the target, as long as the remote file from the start, written at the offsets the bytes
 * have there. What is never written stays a hole (no disk space where the file system allows, zeros when read).
 * {@link #commit()} moves it into place atomically, like a whole download; closing without it deletes it.
 */
final class SparseFile implements AutoCloseable {
    private final Path target;
    private Path temp;
    private FileChannel channel;

    private SparseFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    static SparseFile create(Path target, long length) {
        Path absolute = target.toAbsolutePath();
        Path temp = CappedDownload.createTemp(absolute, "a span fetch");
        try (RandomAccessFile f = new RandomAccessFile(temp.toFile(), "rw")) {
            f.setLength(length);
            return new SparseFile(
                    absolute, temp, FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            CappedDownload.deleteQuietly(temp);
            throw new MediaFetchException(MediaFetchError.STORAGE_ERROR, "could not create the span file", e);
        }
    }

    void write(long position, byte[] bytes, int length) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(bytes, 0, length);
        while (data.hasRemaining()) {
            channel.write(data, position + data.position());
        }
    }

    /** Bytes {@code [position, position + length)}, read back. */
    ByteBuffer read(long position, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
                // a positional read may return fewer bytes than asked: read on
            }
        } catch (IOException e) {
            throw new MediaFetchException(MediaFetchError.STORAGE_ERROR, "could not read back a fetched range", e);
        }
        return buffer.flip();
    }

    /** Moves the file into place at the target, replacing any file there. */
    void commit() {
        closeChannel();
        CappedDownload.moveIntoPlace(temp, target, "a span fetch");
        temp = null;
    }

    @Override
    public void close() {
        try {
            closeChannel();
        } finally {
            if (temp != null) {
                CappedDownload.deleteQuietly(temp);
                temp = null;
            }
        }
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new MediaFetchException(MediaFetchError.STORAGE_ERROR, "could not close the span file", e);
        } finally {
            channel = null;
        }
    }
}
