package io.faceswap.api;

/**
 * Every non-zero {@code code} a client can see, with its HTTP status. The OpenAPI document lists this table, so
 * adding a constant here documents it too. Codes are stable: never renumber one.
 */
public enum ErrorCode {
    VALIDATION_FAILED(40001, 400, "A field of the request is missing or invalid"),
    MALFORMED_JSON(40002, 400, "The request body is not valid JSON of the expected shape"),
    BAD_PARAMETER(40003, 400, "A query or path parameter is missing or invalid"),
    URL_INVALID(40004, 400, "A media URL cannot be parsed"),
    CONSENT_REQUIRED(40005, 400, "This service requires consent: {\"consent\": {\"attested\": true}} on create"),
    TRIM_NEGATIVE(40006, 400, "startSeconds and endSeconds must not be negative"),
    TRIM_EMPTY(40007, 400, "startSeconds must be before endSeconds"),
    TRIM_PAST_END(40008, 400, "The trim starts at or ends after the declared duration"),
    TARGET_MISSING(40010, 400, "A target is required: videoUrl (a video) or targetImageUrl (a photo)"),
    TARGET_CONFLICT(40011, 400, "Give one target: videoUrl or targetImageUrl, not both"),
    FACE_ID_UNKNOWN(
            40013, 400, "A faceId in faceMappings is unknown, another user's, or expired; list the faces again"),
    FACE_SELECTOR_CONFLICT(40012, 400, "faceSelector mapped needs faceMappings; faceMappings allow only mapped"),
    ADMIN_TOKEN_MISSING(40101, 401, "Authorization: Bearer <admin token> is required"),
    ADMIN_TOKEN_INVALID(40102, 401, "The admin token is not valid"),
    API_KEY_MISSING(40111, 401, "The X-ClipZap-Apikey header is required"),
    API_KEY_MALFORMED(40112, 401, "The API key does not have the form sk-<base62>"),
    API_KEY_UNKNOWN(40113, 401, "The API key is not known"),
    API_KEY_REVOKED(40114, 401, "The API key has been revoked"),
    API_KEY_EXPIRED(40115, 401, "The API key has expired"),
    API_KEY_ROLLED(40116, 401, "The API key was rolled and its grace period is over; use the key that replaced it"),
    PAYMENT_REQUIRED(40201, 402, "The user has not paid yet"),
    INSUFFICIENT_BALANCE(40202, 402, "The user's balance of seconds is too low"),
    FORBIDDEN(40301, 403, "Not allowed"),
    LINK_INVALID(40302, 403, "The result link was altered, or its signing key is no longer kept"),
    LINK_EXPIRED(40303, 403, "The result link has expired; list the task again for a fresh one"),
    USER_SUSPENDED(40304, 403, "The key's user is suspended; every key of the user is refused"),
    NOT_FOUND(40401, 404, "Not found"),
    METHOD_NOT_ALLOWED(40501, 405, "Method not allowed on this path"),
    NOT_ACCEPTABLE(40601, 406, "Only application/json responses are produced here"),
    CONFLICT(40901, 409, "The request conflicts with the current state"),
    PAYMENT_REFERENCE_CONFLICT(40902, 409, "This payment reference was already used with other values"),
    KEY_LIMIT_REACHED(40903, 409, "The user has the maximum number of active keys"),
    TASK_NOT_CANCELABLE(40904, 409, "The task has already finished"),
    IDEMPOTENCY_KEY_REUSED(40905, 409, "This Idempotency-Key was used for a different request"),
    RESULT_EXPIRED(41001, 410, "The result was deleted after its retention period"),
    RESULT_DELETED(41002, 410, "The task's data was deleted at the client's or an operator's request"),
    RESULT_TAKEN_DOWN(41003, 410, "The result was taken down by an operator"),
    RESULT_NOT_READY(40906, 409, "The task has no result yet"),
    PAYLOAD_TOO_LARGE(41301, 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(41501, 415, "The request body must be application/json"),
    RANGE_NOT_SATISFIABLE(41601, 416, "The requested byte range is outside the file"),
    MEDIA_UNUSABLE(42201, 422, "The media could not be fetched or read; the message says why"),
    RATE_LIMITED(42901, 429, "Too many requests"),
    TOO_MANY_QUEUED_TASKS(42902, 429, "The user already has the maximum number of queued tasks"),
    INTERNAL_ERROR(50001, 500, "Internal error"),
    SERVICE_UNAVAILABLE(50301, 503, "The service is not ready");

    private final int code;
    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The most fitting code for a bare HTTP status raised by the JAX-RS runtime. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_PARAMETER;
            case 401 -> API_KEY_MISSING;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 410 -> RESULT_EXPIRED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_PARAMETER;
        };
    }
}
