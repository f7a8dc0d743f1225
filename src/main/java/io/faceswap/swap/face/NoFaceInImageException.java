package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/** The photo has no face to put into the video. */
public class NoFaceInImageException extends SwapException {
    public NoFaceInImageException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "NO_FACE_IN_IMAGE";
    }
}
