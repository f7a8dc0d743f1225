package io.faceswap.task;

/**
 * Every {@code errorCode} a failed task can carry: one vocabulary, owned here. The engine's codes
 * ({@code SwapException.errorCode()}) and the downloader's errors are mapped onto it by the batch layer; anything
 * unknown is {@link #INTERNAL_ERROR}. {@code /openapi} and docs/tasks.md list this table.
 */
public enum TaskErrorCode {
    URL_INVALID("A media URL cannot be used (checked again when the job fetches it)"),
    URL_FORBIDDEN("A media URL points at an address or port the service does not fetch from"),
    URL_UNREACHABLE("A media URL could not be downloaded (no answer, TLS or protocol failure, redirect loop)"),
    URL_TIMEOUT("Downloading the media took longer than allowed"),
    URL_HTTP_ERROR("The media server answered with an HTTP error status"),
    MEDIA_TOO_LARGE("The media is larger than the download cap"),
    EMPTY_MEDIA("The media URL returned no content"),
    NOT_AN_IMAGE("The photo is not an image this service can read"),
    NO_FACE_IN_IMAGE("No face was found in the photo"),
    IMAGE_TOO_LARGE("The photo's pixel count (read from its header) is above the limit"),
    SOURCE_FACE_TOO_SMALL("The photo's face is too small to swap well; the message gives the size found and needed"),
    SOURCE_FACE_TURNED("The photo's face is turned too far from the camera"),
    TARGET_NOT_AN_IMAGE("The target photo (targetImageUrl) is not an image this service can read"),
    TARGET_IMAGE_TOO_LARGE("The target photo's pixel count (read from its header) is above the limit"),
    NO_FACE_IN_TARGET("No face was found in the target photo"),
    TARGET_FACE_TOO_SMALL("The target photo's largest face is too small to swap well; the message gives the sizes"),
    TARGET_FACE_TURNED("The target photo's largest face is turned too far from the camera"),
    REFERENCE_NOT_AN_IMAGE(
            "A reference photo (faceMappings[].referenceImageUrl) is not an image this service can read"),
    REFERENCE_IMAGE_TOO_LARGE("A reference photo's pixel count (read from its header) is above the limit"),
    NO_FACE_IN_REFERENCE("No face was found in a reference photo (faceMappings[].referenceImageUrl)"),
    MAPPED_PHOTO_NOT_AN_IMAGE("A pair's photo (faceMappings[].imageUrl) is not an image this service can read"),
    MAPPED_PHOTO_TOO_LARGE("A pair's photo's pixel count (read from its header) is above the limit"),
    NO_FACE_IN_MAPPED_PHOTO("No face was found in a pair's photo (faceMappings[].imageUrl)"),
    MAPPED_PHOTO_FACE_TOO_SMALL("A pair's photo's face is too small to swap well; the message gives the sizes"),
    MAPPED_PHOTO_FACE_TURNED("A pair's photo's face is turned too far from the camera"),
    NO_MAPPED_FACE_FOUND("None of the people of faceMappings was found in the target; nothing is charged"),
    NOT_A_VIDEO("The video is not a video this service can read"),
    NO_VIDEO_STREAM("The file has no video stream"),
    CORRUPT_VIDEO("The video is damaged or truncated"),
    UNSUPPORTED_CODEC("The video's codec is not supported"),
    VIDEO_TOO_LARGE("The video's resolution is above the limit"),
    VIDEO_TOO_MANY_FRAMES("The video's frame rate or frame count is above the limit"),
    UNSUPPORTED_ROTATION("The video's display matrix is not a multiple of 90 degrees"),
    TRIM_PAST_END("The video is shorter than the trim's endSeconds (or startSeconds); nothing is charged"),
    VIDEO_TOO_LONG("The video is longer than declared (beyond a second of tolerance) or than allowed"),
    TIME_BUDGET_EXCEEDED("Processing took longer than the task's time budget; nothing is charged"),
    NODE_LOST("The servers running the task were lost more often than allowed"),
    SERVICE_INTERRUPTED("Our database was unreachable during processing more often than allowed; nothing is charged"),
    ABANDONED("An operator abandoned the task's processing"),
    USER_SUSPENDED("The task's user was suspended by an operator; nothing is charged"),
    TAKEN_DOWN("An operator took the task down before it ended; nothing is charged"),
    INTERNAL_ERROR("An internal error; the message quotes an incident id for support");

    private final String meaning;

    TaskErrorCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The engine's (or anyone's) code as a member of this vocabulary; unknown codes are internal errors. */
    public static TaskErrorCode of(String code) {
        for (TaskErrorCode c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        return INTERNAL_ERROR;
    }
}
