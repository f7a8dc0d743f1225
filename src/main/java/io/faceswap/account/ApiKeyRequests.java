package io.faceswap.account;

import io.faceswap.billing.UserIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the key management API. */
public final class ApiKeyRequests {
    private ApiKeyRequests() {}

    @Schema(name = "NewApiKeyRequest")
    public record NewKey(
            @NotNull
            @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE)
            @Schema(example = "user_42", required = true)
            String userId,

            @Size(max = 100)
            @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
            @Schema(description = "A label to recognise the key by", example = "production")
            String name,

            @Min(1) @Max(3650) @Schema(description = "Days until the key expires; omitted means never", example = "90")
            Integer expiresInDays) {}

    @Schema(name = "DeleteApiKeyRequest")
    public record DeleteKey(
            @NotNull
            @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE)
            @Schema(example = "user_42", required = true)
            String userId,

            @NotNull
            @Pattern(regexp = "[0-9a-f]{24}", message = "must be 24 lower-case hex characters")
            @Schema(example = "65f1c0ffee0ddba11c0ffee1", required = true)
            String id) {}

    @Schema(name = "RollApiKeyRequest")
    public record RollKey(
            @NotNull
            @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE)
            @Schema(example = "user_42", required = true)
            String userId,

            @NotNull
            @Pattern(regexp = "[0-9a-f]{24}", message = "must be 24 lower-case hex characters")
            @Schema(example = "65f1c0ffee0ddba11c0ffee1", required = true)
            String id,

            @NotNull
            @Min(0)
            @Max(2_592_000)
            @Schema(
                    description = "How long the old key keeps working, in seconds (at most 30 days)",
                    example = "86400",
                    required = true)
            Long graceSeconds) {}
}
