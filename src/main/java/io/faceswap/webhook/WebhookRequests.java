package io.faceswap.webhook;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the webhook API. */
public final class WebhookRequests {
    static final String OBJECT_ID = "[0-9a-f]{24}";

    private WebhookRequests() {}

    @Schema(name = "RollWebhookSecretRequest")
    public record Roll(
            @Min(0)
            @Max(604_800)
            @Schema(
                    description = "How long the previous secrets keep signing (default 86400; 0 ends " + "them now)",
                    example = "86400")
            Long graceSeconds) {}

    @Schema(name = "ReplayWebhookRequest")
    public record Replay(
            @NotNull @Pattern(regexp = OBJECT_ID, message = "must be a delivery id (24 hex)") @Schema(required = true)
            String deliveryId) {}

    @Schema(name = "WebhookEndpointRequest")
    public record Endpoint(
            @Size(max = 2048)
            @Schema(
                    description = "The user's default callback (https); null removes it",
                    example = "https://example.com/clipzap/webhook")
            String url) {}
}
