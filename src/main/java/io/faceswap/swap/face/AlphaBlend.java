package io.faceswap.swap.face;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * frame = warped * a + frame * (1 - a) in 8-bit, with an 8-bit alpha, row by row in plain Java. OpenCV's
 * {@code blendLinear} wants two full-size float weight images (an alpha scaled up in float and its complement: three
 * full-size float passes before the blend itself); here pixels with alpha 0 (the region's corners) are skipped and
 * those with 255 copied. The rounding is exact: (v + 128 + ((v + 128) >> 8)) >> 8 is v / 255 rounded, for v up to
 * 255 * 255.
 */
final class AlphaBlend {
    private AlphaBlend() {
    }

    /** @param warped 8-bit BGR, continuous, frameRoi's size; @param alpha 8-bit, continuous, frameRoi's size */
    static void blend(Mat warped, Mat frameRoi, Mat alpha) {
        int w = frameRoi.cols(), h = frameRoi.rows();
        byte[] a = new byte[w * h];
        byte[] src = new byte[w * h * 3];
        byte[] row = new byte[w * 3];
        alpha.data().get(a);
        warped.data().get(src);
        for (int y = 0; y < h; y++) {
            BytePointer p = frameRoi.ptr(y);
            p.get(row);
            if (mix(row, src, a, y * w, w)) {
                p.put(row);
            }
        }
    }

    /** Mixes one row in place; false when its alpha is 0 throughout (nothing to write back). */
    static boolean mix(byte[] row, byte[] src, byte[] a, int first, int w) {
        boolean changed = false;
        for (int x = 0; x < w; x++) {
            int k = a[first + x] & 0xFF;
            if (k == 0) {
                continue;
            }
            changed = true;
            int j = 3 * x, s = 3 * (first + x);
            if (k == 255) {
                row[j] = src[s];
                row[j + 1] = src[s + 1];
                row[j + 2] = src[s + 2];
                continue;
            }
            int rest = 255 - k;
            for (int c = 0; c < 3; c++) {
                int v = (src[s + c] & 0xFF) * k + (row[j + c] & 0xFF) * rest + 128;
                row[j + c] = (byte) ((v + (v >> 8)) >> 8);
            }
        }
        return changed;
    }
}
