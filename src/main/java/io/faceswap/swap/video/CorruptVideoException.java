package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The video is damaged or truncated. */
public class CorruptVideoException extends SwapException {
    public CorruptVideoException(String message) {
        super(message);
    }

    public CorruptVideoException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "CORRUPT_VIDEO";
    }
}
