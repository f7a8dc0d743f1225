package io.faceswap.swap.video;

import io.faceswap.swap.SwapException;

/** The video's codec cannot be decoded. */
public class UnsupportedCodecException extends SwapException {
    public UnsupportedCodecException(String message) {
        super(message);
    }

    public UnsupportedCodecException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return "UNSUPPORTED_CODEC";
    }
}
