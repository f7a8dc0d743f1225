package io.faceswap.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body of known {@code Content-Length}: ends there, and reports a connection that closes before it. */
final class FixedLengthInputStream extends InputStream {

    private final InputStream in;
    private final long length;
    private long left;

    FixedLengthInputStream(InputStream in, long length) {
        this.in = in;
        this.length = length;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n == -1) {
            throw new EOFException("body ended after " + (length - left) + " of " + length + " bytes");
        }
        left -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
