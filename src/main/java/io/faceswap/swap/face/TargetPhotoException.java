package io.faceswap.swap.face;

import io.faceswap.swap.SwapException;

/**
 * The target photo (a photo task's picture whose faces are replaced) cannot be swapped. The same checks as the
 * source photo's, with codes of their own so a client knows which of its two pictures to change.
 */
public class TargetPhotoException extends SwapException {
    public static final String NOT_AN_IMAGE = "TARGET_NOT_AN_IMAGE";
    public static final String TOO_LARGE = "TARGET_IMAGE_TOO_LARGE";
    public static final String NO_FACE = "NO_FACE_IN_TARGET";
    public static final String FACE_TOO_SMALL = "TARGET_FACE_TOO_SMALL";
    public static final String FACE_TURNED = "TARGET_FACE_TURNED";

    private final String code;

    TargetPhotoException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public String errorCode() {
        return code;
    }
}
