package io.faceswap.batch;

/** The {@code errorCode}s a failed task can carry (besides the engine's own, e.g. NO_FACE_IN_IMAGE). */
public final class FailureCodes {
    public static final String URL_INVALID = "URL_INVALID";
    public static final String URL_FORBIDDEN = "URL_FORBIDDEN";
    public static final String URL_UNREACHABLE = "URL_UNREACHABLE";
    public static final String URL_TIMEOUT = "URL_TIMEOUT";
    public static final String URL_HTTP_ERROR = "URL_HTTP_ERROR";
    public static final String MEDIA_TOO_LARGE = "MEDIA_TOO_LARGE";
    public static final String VIDEO_TOO_LONG = "VIDEO_TOO_LONG";
    public static final String EMPTY_MEDIA = "EMPTY_MEDIA";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** The task's node was lost more often than {@code clipzap.tasks.max-attempts} allows. */
    public static final String NODE_LOST = "NODE_LOST";
    /** An operator abandoned the task's job execution. */
    public static final String ABANDONED = "ABANDONED";

    private FailureCodes() {
    }
}
