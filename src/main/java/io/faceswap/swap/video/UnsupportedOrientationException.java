package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The display matrix asks for a rotation that is not a multiple of 90 degrees. */
public class UnsupportedOrientationException extends SwapException {
    public UnsupportedOrientationException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "UNSUPPORTED_ROTATION";
    }
}
