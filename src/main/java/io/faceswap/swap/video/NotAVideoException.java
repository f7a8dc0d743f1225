package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The video's bytes are not a video this service can read. */
public class NotAVideoException extends SwapException {
    public NotAVideoException(String message) {
        super(message);
    }

    public NotAVideoException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "NOT_A_VIDEO";
    }
}
