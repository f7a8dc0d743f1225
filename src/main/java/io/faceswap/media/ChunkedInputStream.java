package io.faceswap.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** Decodes a {@code Transfer-Encoding: chunked} body; trailers are read and dropped. */
final class ChunkedInputStream extends InputStream {

    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILERS = 100;

    private final InputStream in;
    private long leftInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (leftInChunk == 0 && !done) {
            startNextChunk();
        }
        if (done) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, leftInChunk));
        if (n == -1) {
            throw new EOFException("connection closed inside a chunk");
        }
        leftInChunk -= n;
        if (leftInChunk == 0) {
            expectEmptyLine("chunk data not followed by CRLF");
        }
        return n;
    }

    private void startNextChunk() throws IOException {
        String line = HttpLines.readLine(in, MAX_LINE);
        if (line == null) {
            throw new EOFException("connection closed before the last chunk");
        }
        int extension = line.indexOf(';');
        String hex = (extension >= 0 ? line.substring(0, extension) : line).trim();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new ProtocolException("invalid chunk size");
        }
        leftInChunk = Long.parseLong(hex, 16);
        if (leftInChunk == 0) {
            skipTrailers();
            done = true;
        }
    }

    private void skipTrailers() throws IOException {
        for (int i = 0; i <= MAX_TRAILERS; i++) {
            String line = HttpLines.readLine(in, MAX_LINE);
            if (line == null || line.isEmpty()) {
                return; // a missing final CRLF is harmless: the body is complete
            }
        }
        throw new ProtocolException("too many trailer lines");
    }

    private void expectEmptyLine(String problem) throws IOException {
        String line = HttpLines.readLine(in, MAX_LINE);
        if (line == null || !line.isEmpty()) {
            throw new ProtocolException(problem);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
