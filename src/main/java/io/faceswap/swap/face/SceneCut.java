package io.faceswap.swap.face;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Tells a cut from the frame before: the mean difference of a 16 x 9 grid of pixels read straight from the frame (no
 * resize: 144 reads a frame). A pan or a face moving changes a few points of it; a cut changes most of them.
 * Not thread-safe.
 */
final class SceneCut {
    private static final int COLS = 16, ROWS = 9;
    /** Mean absolute difference (levels, over the grid's channels) above which the frame is taken for a cut. */
    private static final double CUT = 20;

    private int[] last;

    /** Whether {@code bgr} follows a cut from the frame given before it (the first frame: no). */
    boolean next(Mat bgr) {
        int[] now = new int[COLS * ROWS * 3];
        try (UByteIndexer px = bgr.createIndexer()) {
            for (int r = 0; r < ROWS; r++) {
                long y = (2L * r + 1) * bgr.rows() / (2 * ROWS);
                for (int c = 0; c < COLS; c++) {
                    long x = (2L * c + 1) * bgr.cols() / (2 * COLS);
                    for (int ch = 0; ch < 3; ch++) {
                        now[(r * COLS + c) * 3 + ch] = px.get(y, x, ch);
                    }
                }
            }
        }
        int[] before = last;
        last = now;
        if (before == null) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < now.length; i++) {
            sum += Math.abs(now[i] - before[i]);
        }
        return sum / (double) now.length > CUT;
    }
}
