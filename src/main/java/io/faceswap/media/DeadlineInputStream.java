package io.faceswap.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * Socket input that re-arms the socket timeout before every read, so each read waits at most the per-read limit and
 * never beyond the total deadline: a server dripping one byte per read cannot stretch the download.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Deadline deadline;
    private final Duration readTimeout;

    DeadlineInputStream(Socket socket, Deadline deadline, Duration readTimeout) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadline = deadline;
        this.readTimeout = readTimeout;
    }

    @Override
    public int read() throws IOException {
        socket.setSoTimeout(deadline.timeoutMillis(readTimeout));
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        socket.setSoTimeout(deadline.timeoutMillis(readTimeout));
        return super.read(b, off, len);
    }
}
