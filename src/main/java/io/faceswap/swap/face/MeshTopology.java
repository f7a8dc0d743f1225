package io.faceswap.swap.face;

/** Indices into MediaPipe's 468-point face mesh that the swap relies on. */
final class MeshTopology {
    static final int POINTS = 468;
    static final int RIGHT_EYE_OUTER = 33;
    static final int LEFT_EYE_OUTER = 263;
    static final int NOSE_TIP = 1;
    static final int CHIN = 152;
    static final int FOREHEAD_TOP = 10;
    static final int MOUTH_RIGHT = 61;
    static final int MOUTH_LEFT = 291;
    static final int UPPER_LIP_TOP = 0;
    static final int LOWER_LIP_BOTTOM = 17;
    static final int FACE_RIGHT = 234;
    static final int FACE_LEFT = 454;

    /** The face's outline, clockwise from the top of the forehead. */
    static final int[] FACE_OVAL = {
        10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149,
        150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109
    };

    /** The inner edge of the lips: inside it is the mouth's opening, which keeps the target's own teeth. */
    static final int[] INNER_LIPS = {
        78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95
    };

    /** The outer edge of the lips. */
    static final int[] OUTER_LIPS = {
        61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185
    };

    static final int INNER_LIP_TOP = 13;
    static final int INNER_LIP_BOTTOM = 14;

    /** How open the mouth is: the gap between the inner lips over the mouth's width (about 0 when closed). */
    static double mouthOpening(float[] p) {
        double gap = Math.hypot(
                p[3 * INNER_LIP_TOP] - p[3 * INNER_LIP_BOTTOM], p[3 * INNER_LIP_TOP + 1] - p[3 * INNER_LIP_BOTTOM + 1]);
        double width =
                Math.hypot(p[3 * MOUTH_RIGHT] - p[3 * MOUTH_LEFT], p[3 * MOUTH_RIGHT + 1] - p[3 * MOUTH_LEFT + 1]);
        return width == 0 ? 0 : gap / width;
    }

    private MeshTopology() {}
}
