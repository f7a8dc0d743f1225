package io.faceswap.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one envelope of every response: {@code code} 0 is success, anything else is an {@link ErrorCode}. */
@JsonbNillable
@JsonbPropertyOrder({"code", "message", "data"})
@Schema(name = "Envelope", description = "Every response: code 0 is success; see the error-code table otherwise")
public record ApiResponse<T>(
        @Schema(example = "0") int code,
        @Schema(example = "success") String message,

        @Schema(description = "The payload; null on most errors")
        T data) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(0, "success", data);
    }

    public static <T> ApiResponse<T> error(ErrorCode error, String message, T data) {
        return new ApiResponse<>(error.code(), message, data);
    }

    /**
     * Identity: Yasson keeps every object it is writing in a hash set (to find cycles), and a record's own hash walks
     * the whole payload, a hundred tasks in a listbyids answer. No code compares envelopes.
     */
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }
}
