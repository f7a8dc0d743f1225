package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The video is longer than the engine (or the client's declaration) allows. */
public class VideoTooLongException extends SwapException {
    public VideoTooLongException(double seconds, double max) {
        super(String.format("The video is %.1f s long; at most %.1f s is accepted", seconds, max));
    }

    @Override
    public String errorCode() {
        return "VIDEO_TOO_LONG";
    }
}
