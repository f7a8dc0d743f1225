package io.faceswap.webhook;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook API returns. The secret only in {@link SecretCreated}, once. */
public final class WebhookViews {
    private WebhookViews() {}

    @JsonbNillable
    @Schema(name = "WebhookSecretCreated")
    public record SecretCreated(
            String id,

            @Schema(description = "whsec_...: shown this once only; store it now")
            String secret,

            Instant createdAt,

            @Schema(description = "Until when the previous secrets still sign (null: none)", nullable = true)
            Instant previousValidUntil) {
        static SecretCreated of(WebhookSecrets.Rolled r) {
            return new SecretCreated(r.id(), r.secret(), r.createdAt(), r.previousValidUntil());
        }
    }

    @JsonbNillable
    @Schema(name = "WebhookAttempt")
    public record Attempt(
            int attemptNo,
            Instant attemptedAt,

            @Schema(description = "null when no HTTP answer came (refused, timed out ...)", nullable = true)
            Integer httpStatus,

            long latencyMillis,
            @Schema(nullable = true) String error,
            String node) {
        static Attempt of(WebhookAttempt a) {
            return new Attempt(
                    a.getAttemptNo(),
                    a.getAttemptedAt(),
                    a.getHttpStatus(),
                    a.getLatencyMillis(),
                    a.getError(),
                    a.getNode());
        }
    }

    @JsonbNillable
    @Schema(name = "WebhookDelivery")
    public record Delivery(
            String id,
            String eventId,
            String taskId,
            String eventType,
            String url,

            @Schema(enumeration = {"pending", "delivered", "failed"})
            String status,

            int attempts,
            @Schema(nullable = true) Instant nextAttemptAt,
            @Schema(nullable = true) Integer lastHttpStatus,
            @Schema(nullable = true) String lastError,

            @Schema(description = "The delivery this one replays", nullable = true)
            String replayOf,

            Instant createdAt,
            @Schema(nullable = true) Instant deliveredAt,
            List<Attempt> log) {
        static Delivery of(WebhookDelivery d, List<WebhookAttempt> attempts) {
            return new Delivery(
                    d.getId(),
                    d.getEventId(),
                    d.getTaskId(),
                    d.getEventType(),
                    d.getUrl(),
                    d.getStatus().wire(),
                    d.getAttempts(),
                    d.getNextAttemptAt(),
                    d.getLastHttpStatus(),
                    d.getLastError(),
                    d.getReplayOf(),
                    d.getCreatedAt(),
                    d.getDeliveredAt(),
                    attempts.stream().map(Attempt::of).toList());
        }
    }

    @Schema(name = "WebhookDeliveryList")
    public record DeliveryList(List<Delivery> list) {}
}
