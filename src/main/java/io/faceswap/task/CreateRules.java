package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.api.ValidationExceptionMapper;
import java.util.List;
import java.util.Map;

/**
 * The rules a create's request obeys before anything is held or stored: one target, a duration for a video, a trim
 * within it, URLs the downloader can parse. Each refusal is a 400 with its code and, where a field is to blame, the
 * {@code errors} list Bean Validation's failures carry. (Face mappings' rules: {@link FaceMappings}.)
 */
final class CreateRules {
    private CreateRules() {}

    /** The request's duration, trim and URLs, for a video or ({@code photo}) a photo target. */
    static void check(CreateTaskRequest request, boolean photo, double maxDurationSeconds) {
        if (!photo && request.duration() == null) {
            throw invalid("duration", "must not be null");
        }
        if (!photo && request.duration() > maxDurationSeconds) {
            throw invalid("duration", "must be at most " + maxDurationSeconds + " seconds");
        }
        requireTrimValid(request, photo);
        requireParsable("imageUrl", request.imageUrl());
        if (photo) {
            requireParsable("targetImageUrl", request.targetImageUrl());
        } else {
            requireParsable("videoUrl", request.videoUrl());
        }
    }

    /**
     * The trim, checked against itself and the declared duration (the video's real length is checked when the task
     * runs: TRIM_PAST_END). Nothing is held or stored for a refused one.
     */
    private static void requireTrimValid(CreateTaskRequest request, boolean photo) {
        Double start = request.startSeconds();
        Double end = request.endSeconds();
        if (photo && (start != null || end != null)) { // a still has no time to trim: refused, never ignored
            throw invalid(start != null ? "startSeconds" : "endSeconds", "only for a video target (videoUrl)");
        }
        if (photo) {
            return;
        }
        if ((start != null && start < 0) || (end != null && end < 0)) {
            throw new ApiException(
                    ErrorCode.TRIM_NEGATIVE,
                    "startSeconds and endSeconds must not be negative (got " + start + ", " + end + ")");
        }
        double from = start == null ? 0 : start;
        if (end != null && from >= end) {
            throw new ApiException(
                    ErrorCode.TRIM_EMPTY, "startSeconds (" + from + ") must be before endSeconds (" + end + ")");
        }
        if (from >= request.duration()) {
            throw new ApiException(
                    ErrorCode.TRIM_PAST_END,
                    "startSeconds (" + from + ") must be before the end of the video (duration " + request.duration()
                            + ")");
        }
        if (end != null && end > request.duration()) {
            throw new ApiException(
                    ErrorCode.TRIM_PAST_END,
                    "endSeconds (" + end + ") must not be after the end of the video (duration " + request.duration()
                            + ")");
        }
    }

    /**
     * Which target the request names: true for a photo (targetImageUrl), false for a video (videoUrl). Neither is
     * 40010, both 40011: told at once, before anything is held.
     */
    static boolean target(CreateTaskRequest request) {
        boolean video = request.videoUrl() != null, photo = request.targetImageUrl() != null;
        if (video && photo) {
            throw new ApiException(
                    ErrorCode.TARGET_CONFLICT,
                    "videoUrl and targetImageUrl: give one target, not both",
                    fieldErrors(
                            new ValidationExceptionMapper.FieldError(
                                    "targetImageUrl", "must not be given with videoUrl"),
                            new ValidationExceptionMapper.FieldError(
                                    "videoUrl", "must not be given with targetImageUrl")));
        }
        if (!video && !photo) {
            throw new ApiException(
                    ErrorCode.TARGET_MISSING,
                    "videoUrl or targetImageUrl: a target is required",
                    fieldErrors(
                            new ValidationExceptionMapper.FieldError(
                                    "targetImageUrl", "one of videoUrl and targetImageUrl is required"),
                            new ValidationExceptionMapper.FieldError(
                                    "videoUrl", "one of videoUrl and targetImageUrl is required")));
        }
        return photo;
    }

    /** 400 / 40001 with the same {@code errors} list Bean Validation's failures carry. */
    private static ApiException invalid(String field, String message) {
        return new ApiException(
                ErrorCode.VALIDATION_FAILED,
                field + ": " + message,
                fieldErrors(new ValidationExceptionMapper.FieldError(field, message)));
    }

    private static Map<String, Object> fieldErrors(ValidationExceptionMapper.FieldError... errors) {
        return Map.of("errors", List.of(errors));
    }

    /** A URL the downloader could not even parse is the client's mistake, told now rather than as a failed task. */
    private static void requireParsable(String field, String url) {
        FaceMappings.requireParsable(field, url);
    }
}
