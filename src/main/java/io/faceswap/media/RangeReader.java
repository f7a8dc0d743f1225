package io.faceswap.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The requests of one span fetch, each vetted like any hop ({@link TargetUrl}, {@link AddressGuard}, pinned client
 * and the fetch's one deadline, redirects re-vetted and counted against the policy over the whole fetch), writing
 * every range at its own offset into a temporary file as long as the remote file (the parts never asked for stay
 * holes: {@link SparseFile}). {@link #commit()} moves it into place; closing without it deletes it.
 * <p>
 * The first answer fixes the file's length (refused beyond the policy's size limit, as a whole fetch would be) and
 * its strong ETag; later ranges must agree ({@code If-Range} makes a changed file come back whole). When a range
 * cannot be used, {@link RangeFallback} says why; when the server sent the whole file instead, it is already stored at
 * the target as a plain fetch stores it, and {@link RangeFallback#served} says so.
 */
final class RangeReader implements Mp4Layout.Source, RangeHop.Sink, AutoCloseable {

    private final RangeHop.Link link;
    private final AddressGuard guard;
    private final Path target;
    private final ByteSpans fetched = new ByteSpans();
    private URI current;
    private int redirects;
    private long total = -1, bytes;
    private String etag;
    private Optional<String> contentType = Optional.empty();
    private SparseFile file;

    RangeReader(RangeHop.Link link, AddressGuard guard, URI uri, Path target) {
        this.link = link;
        this.guard = guard;
        this.current = uri;
        this.target = target.toAbsolutePath();
    }

    /** Fetches the first {@code length} bytes (fewer if the file is shorter); the file's length is known after. */
    void start(int length) {
        request(0, length - 1);
    }

    @Override
    public long length() {
        return total;
    }

    /** Makes {@code [start, end)} present, asking only for the parts not fetched yet. */
    void fetch(long start, long end) {
        for (ByteSpans.Span gap : fetched.missing(start, Math.min(end, total))) {
            request(gap.start(), gap.end() - 1);
        }
    }

    @Override
    public ByteBuffer read(long position, int length) {
        fetch(position, position + length);
        return file.read(position, length);
    }

    @Override
    public ByteBuffer peek(long position, int min, int max) {
        long run = fetched.runFrom(position);
        return run >= min ? file.read(position, (int) Math.min(run, max)) : read(position, max);
    }

    private void request(long first, long last) {
        while (true) {
            TargetUrl hop = TargetUrl.check(current, link.policy());
            List<InetAddress> vetted = guard.vet(hop, link.policy());
            RangeHop.Outcome outcome =
                    RangeHop.run(link, hop, vetted, new RangeHop.Ask(first, last, total, etag), this, target);
            if (outcome instanceof RangeHop.Redirect r) {
                if (redirects++ >= link.policy().maxRedirects()) {
                    throw new MediaFetchException(
                            MediaFetchError.TOO_MANY_REDIRECTS,
                            "more than " + link.policy().maxRedirects() + " redirects, last from " + hop.redacted());
                }
                current = r.to();
            } else if (outcome instanceof RangeHop.Partial p) {
                boolean firstAnswer = fetched.count() == 0;
                fetched.add(p.range().first(), p.range().last() + 1);
                etag = firstAnswer ? p.etag() : etag;
                contentType = firstAnswer ? p.contentType() : contentType;
                return;
            } else if (outcome instanceof RangeHop.Whole w) {
                bytes += w.bytes();
                throw new RangeFallback("the server sent the whole file", w);
            } else {
                throw new RangeFallback(((RangeHop.Refused) outcome).why(), null);
            }
        }
    }

    @Override
    public void begin(ContentRange range) {
        if (bytes + range.length() > link.policy().maxBytes()) {
            throw new MediaFetchException(MediaFetchError.TOO_LARGE, "ranges beyond the size limit");
        }
        if (total < 0) {
            if (range.total() > link.policy().maxBytes()) {
                throw new MediaFetchException(
                        MediaFetchError.TOO_LARGE,
                        "size " + range.total() + " bytes exceeds the limit of "
                                + link.policy().maxBytes() + " bytes");
            }
            file = SparseFile.create(target, range.total());
            total = range.total();
        }
        bytes += range.length(); // counted as promised; a short body fails the whole fetch anyway
    }

    @Override
    public void write(long position, byte[] buffer, int length) throws IOException {
        file.write(position, buffer, length);
    }

    /** Bytes received in bodies, whole-file answers included. */
    long bytes() {
        return bytes;
    }

    URI finalUri() {
        return current;
    }

    Optional<String> contentType() {
        return contentType;
    }

    ByteSpans fetched() {
        return fetched;
    }

    /** Moves the span file into place at the target. */
    void commit() {
        file.commit();
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
