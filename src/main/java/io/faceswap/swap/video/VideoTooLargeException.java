package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The video's resolution is above the maximum. */
public class VideoTooLargeException extends SwapException {
    public VideoTooLargeException(String message) {
        super(message);
    }

    public VideoTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "VIDEO_TOO_LARGE";
    }
}
