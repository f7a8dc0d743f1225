package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/** The photo's face is turned too far sideways: its far half is hidden or foreshortened (see {@link SourceChecks}). */
public class SourceFaceTurnedException extends SwapException {
    public SourceFaceTurnedException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "SOURCE_FACE_TURNED";
    }
}
