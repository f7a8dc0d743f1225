package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/**
 * Too many frames, or frames too dense in time: work and billing follow the frames, so neither the declared frame
 * rate nor the duration alone can be trusted. Code {@code VIDEO_TOO_MANY_FRAMES} for both.
 */
public class VideoTooManyFramesException extends SwapException {
    public VideoTooManyFramesException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "VIDEO_TOO_MANY_FRAMES";
    }
}
