package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streams a body into a temporary file next to the target and moves it into place only when complete, so the
 * target path never holds a partial download and a failed one leaves nothing behind.
 */
final class CappedDownload {

    private CappedDownload() {}

    /** Copies at most {@code maxBytes} bytes (reading at most one more to detect excess) and returns the count. */
    static long copy(InputStream body, Path target, long maxBytes, String what, Deadline deadline) {
        Path absolute = target.toAbsolutePath();
        Path temp = createTemp(absolute, what);
        boolean done = false;
        try {
            long count = stream(body, temp, maxBytes, what, deadline);
            if (count == 0) {
                throw new MediaFetchException(MediaFetchError.EMPTY_BODY, "empty response body from " + what);
            }
            moveIntoPlace(temp, absolute, what);
            done = true;
            return count;
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    private static long stream(InputStream body, Path temp, long maxBytes, String what, Deadline deadline) {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            while (true) {
                // never ask for more than one byte past the cap: the excess is detected without reading it all
                int want = (int) Math.min(buffer.length, maxBytes - count + 1);
                int n = readBody(body, buffer, want, what, deadline);
                if (n == -1) {
                    return count;
                }
                count += n;
                if (count > maxBytes) {
                    throw new MediaFetchException(
                            MediaFetchError.TOO_LARGE,
                            "body of " + what + " exceeds the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // only local file operations reach here: network reads are mapped in readBody
            throw new MediaFetchException(MediaFetchError.STORAGE_ERROR, "could not write the download of " + what, e);
        }
    }

    private static int readBody(InputStream body, byte[] buffer, int want, String what, Deadline deadline) {
        try {
            return body.read(buffer, 0, want);
        } catch (IOException e) {
            throw IoFailures.toFetchException(
                    e, MediaFetchError.PROTOCOL_ERROR, "reading the body of " + what + " failed", deadline);
        }
    }

    static Path createTemp(Path target, String what) {
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new MediaFetchException(
                    MediaFetchError.STORAGE_ERROR, "could not create a temporary file for " + what, e);
        }
    }

    static void moveIntoPlace(Path temp, Path target, String what) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // same directory, so only exotic file systems get here; a plain replace is the best they offer
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MediaFetchException(
                    MediaFetchError.STORAGE_ERROR, "could not move the download of " + what + " into place", e);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: the leftover is a hidden .part file that a cleanup job can remove
        }
    }
}
