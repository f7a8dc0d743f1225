package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/** The photo's face is too small to give a sharp swapped face (see {@link SourceChecks} for the threshold). */
public class SourceFaceTooSmallException extends SwapException {
    public SourceFaceTooSmallException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "SOURCE_FACE_TOO_SMALL";
    }
}
