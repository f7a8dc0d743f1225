package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Result links that work without a key until they expire (issue 26): {@code .../result_link/<id>?expires=<unix s>
 * &kid=<key id>&sig=<base64url HMAC-SHA256>} over the task id, the expiry and the key id, under a key every node
 * shares ({@link ResultLinkKeys}), so any node serves a link any node made. A link lives
 * {@code clipzap.results.url-ttl-seconds}, never past the result's retention.
 */
@ApplicationScoped
public class ResultLinks {
    static final String PATH = "v1/faceswap_openapi/result_link/";
    private static final Pattern TASK_ID = Pattern.compile("[0-9a-f]{24}");

    @Inject
    ResultLinkKeys keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clipzap.results.url-ttl-seconds")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "clipzap.results.retention-days")
    int retentionDays;

    public record Link(String url, Instant expiresAt) {}

    /** A fresh link to a finished task's result, or empty when it has none to link to. */
    public Optional<Link> link(TaskRead t, URI base) {
        if (t.status() != TaskStatus.SUCCEEDED || t.expired() || t.deletedAt() != null || t.finishedAt() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant retained = t.finishedAt().plus(Duration.ofDays(retentionDays));
        long expires = Math.min(now.getEpochSecond() + ttlSeconds, retained.getEpochSecond());
        if (expires <= now.getEpochSecond()) {
            return Optional.empty();
        }
        KeyRing.Key key = keys.ring().current();
        String url = base.resolve(PATH + t.id()) + "?expires=" + expires + "&kid=" + key.id() + "&sig="
                + signature(key, t.id(), expires);
        return Optional.of(new Link(url, Instant.ofEpochSecond(expires)));
    }

    /**
     * Checks a link's parts; returns the task id. Anything altered, or signed by a key no longer kept, is
     * {@link ErrorCode#LINK_INVALID}; a genuine link past its time is {@link ErrorCode#LINK_EXPIRED}.
     */
    public String verify(String id, String expires, String kid, String sig) {
        if (id == null || !TASK_ID.matcher(id).matches() || expires == null || !expires.matches("[0-9]{1,12}")) {
            throw new ApiException(ErrorCode.LINK_INVALID);
        }
        long at = Long.parseLong(expires);
        KeyRing.Key key = keys.ring()
                .byId(kid == null ? "" : kid)
                .or(() -> keys.ringFresh().byId(kid == null ? "" : kid))
                .orElseThrow(() -> new ApiException(ErrorCode.LINK_INVALID));
        byte[] expected = signature(key, id, at).getBytes(StandardCharsets.US_ASCII);
        if (sig == null || !MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(ErrorCode.LINK_INVALID);
        }
        if (clock.instant().getEpochSecond() >= at) {
            throw new ApiException(ErrorCode.LINK_EXPIRED);
        }
        return id;
    }

    static String signature(KeyRing.Key key, String taskId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            byte[] sig = mac.doFinal(
                    ("result-link\n" + taskId + "\n" + expires + "\n" + key.id()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
