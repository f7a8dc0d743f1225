package io.faceswap.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JSON requests here are tiny; a large body is a mistake or an attack. Refused up front by Content-Length, and while
 * streaming when the length is not declared (chunked).
 */
@Provider
@PreMatching
public class BodySizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "clipzap.http.max-body-bytes")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream(), maxBytes));
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes");
    }

    private final class Capped extends FilterInputStream {
        private long remaining;

        Capped(InputStream in, long max) {
            super(in);
            this.remaining = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
