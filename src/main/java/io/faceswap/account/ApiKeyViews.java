package io.faceswap.account;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the key management API returns. Never the hash; the secret only in {@link Created}, once. */
public final class ApiKeyViews {
    private ApiKeyViews() {}

    @JsonbNillable
    @Schema(name = "CreatedApiKey")
    public record Created(
            String id,

            @Schema(description = "The full key: shown this once only")
            String sk,

            String maskedKey,
            String userId,
            @Schema(nullable = true) String name,
            String status,
            Instant createdAt,
            @Schema(nullable = true) Instant expiresAt) {
        static Created of(ApiKeyService.Created c, Instant now) {
            ApiKey k = c.key();
            return new Created(
                    k.getId(),
                    c.secret(),
                    k.getMaskedKey(),
                    k.getUserId(),
                    k.getName(),
                    k.statusAt(now).wire(),
                    k.getCreatedAt(),
                    k.getExpiresAt());
        }
    }

    @JsonbNillable
    @Schema(name = "ApiKey")
    public record Listed(
            String id,
            @Schema(nullable = true) String name,
            String maskedKey,
            String userId,

            @Schema(enumeration = {"active", "rolling", "rolled", "revoked", "expired"})
            String status,

            Instant createdAt,
            @Schema(nullable = true) Instant lastUsedAt,
            @Schema(nullable = true) Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt,

            @Schema(description = "The key that replaced this one in a roll", nullable = true)
            String replacedBy) {
        static Listed of(ApiKey k, Instant now) {
            return new Listed(
                    k.getId(),
                    k.getName(),
                    k.getMaskedKey(),
                    k.getUserId(),
                    k.statusAt(now).wire(),
                    k.getCreatedAt(),
                    k.getLastUsedAt(),
                    k.getExpiresAt(),
                    k.getRevokedAt(),
                    k.getReplacedBy());
        }
    }

    @Schema(name = "ApiKeyList")
    public record KeyList(List<Listed> list, int total) {}
}
