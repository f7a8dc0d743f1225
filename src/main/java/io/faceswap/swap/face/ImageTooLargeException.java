package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/** The photo has more pixels than the service decodes: refused from its header, before decoding. */
public class ImageTooLargeException extends SwapException {
    public ImageTooLargeException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "IMAGE_TOO_LARGE";
    }
}
