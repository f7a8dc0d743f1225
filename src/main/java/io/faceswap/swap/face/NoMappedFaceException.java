package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/** None of the people of the face mappings was found in the target. */
public class NoMappedFaceException extends SwapException {
    public NoMappedFaceException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "NO_MAPPED_FACE_FOUND";
    }
}
