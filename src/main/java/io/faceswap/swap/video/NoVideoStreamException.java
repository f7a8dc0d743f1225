package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The file has no video stream (audio only?). */
public class NoVideoStreamException extends SwapException {
    public NoVideoStreamException(String message) {
        super(message);
    }

    public NoVideoStreamException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "NO_VIDEO_STREAM";
    }
}
