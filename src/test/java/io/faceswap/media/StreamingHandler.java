package io.faceswap.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Streams up to {@code total} bytes chunked, without Content-Length, counting what it managed to write. */
final class StreamingHandler implements HttpHandler {

    private final long total;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);

    StreamingHandler(long total) {
        this.total = total;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.sendResponseHeaders(200, 0);
            byte[] piece = TestBytes.of(64 * 1024);
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < total) {
                    out.write(piece);
                    written.addAndGet(piece.length);
                }
            }
        } catch (IOException e) {
            failed.set(true);
        } finally {
            ended.countDown();
        }
    }

    boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    long written() {
        return written.get();
    }

    boolean failed() {
        return failed.get();
    }
}
