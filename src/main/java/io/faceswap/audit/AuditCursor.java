package io.faceswap.audit;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ended: the last entry's time and id, opaque to clients (base64url). Paging by position rather than
 * offset, so entries written meanwhile neither repeat nor go missing.
 */
public record AuditCursor(Instant at, String id) {

    public String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    public static AuditCursor decode(String cursor) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.", 3);
            if (p.length != 3 || !p[2].matches("[0-9a-f]{24}")) {
                throw new IllegalArgumentException("bad cursor");
            }
            return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])), p[2]);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "cursor: not a cursor this API returned");
        }
    }
}
