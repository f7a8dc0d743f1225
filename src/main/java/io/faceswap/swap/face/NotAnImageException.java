package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/** The photo's bytes do not decode as an image. */
public class NotAnImageException extends SwapException {
    public NotAnImageException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "NOT_AN_IMAGE";
    }
}
