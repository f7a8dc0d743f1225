package io.faceswap.billing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PaymentRequest")
public record PaymentRequest(
        @NotNull
        @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE)
        @Schema(example = "user_42", required = true)
        String userId,

        @NotNull
        @Min(1)
        @Max(100_000_000)
        @Schema(description = "Seconds of processed video credited", example = "3600", required = true)
        Long seconds,

        @NotNull
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}", message = "must be 1-128 characters of A-Z a-z 0-9 _ . : -")
        @Schema(
                description = "The payment's unique reference; a retry with it is booked once",
                example = "pay_2026_0001",
                required = true)
        String reference) {}
