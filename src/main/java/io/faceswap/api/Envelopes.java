package io.faceswap.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for an error envelope; the one place that pairs a code with its status. */
public final class Envelopes {

    private Envelopes() {}

    public static Response error(ErrorCode error, String message, Object data) {
        return Response.status(error.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiResponse.error(error, message, data))
                .build();
    }

    /** 503 SERVICE_UNAVAILABLE with {@code Retry-After}: a dependency is down, the request may be repeated later. */
    public static Response unavailable(String message, long retryAfterSeconds) {
        return Response.status(ErrorCode.SERVICE_UNAVAILABLE.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", retryAfterSeconds)
                .entity(ApiResponse.error(ErrorCode.SERVICE_UNAVAILABLE, message, null))
                .build();
    }

    public static Response error(ErrorCode error) {
        return error(error, error.defaultMessage(), null);
    }
}
