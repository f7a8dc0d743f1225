package io.faceswap.swap.face;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * frame = warped * a + frame * (1 - a) in 8-bit, with an 8-bit alpha, row by row in plain Java. OpenCV's
 * {@code blendLinear} wants two full-size float weight images (an alpha scaled up in float and its complement: three
 * full-size float passes before the blend itself). Here each row is read and written only between its first and last
 * pixel with alpha above 0 (the region's corners are outside the face), runs of alpha 255 (the face's inside, most
 * of it) are copied whole, and only the feathered edge is mixed. The rounding is exact: (v + 128 + ((v + 128) >> 8))
 * >> 8 is v / 255 rounded, for v up to 255 * 255.
 */
final class AlphaBlend {
    private AlphaBlend() {}

    /** @param warped 8-bit BGR, frameRoi's size; @param alpha 8-bit, continuous, frameRoi's size */
    static void blend(Mat warped, Mat frameRoi, Mat alpha) {
        int w = frameRoi.cols(), h = frameRoi.rows();
        byte[] a = new byte[w * h];
        byte[] src = new byte[w * 3];
        byte[] row = new byte[w * 3];
        alpha.data().get(a);
        // one pointer each, moved along (Mat.ptr makes a new one per call, through JNI: 0.15 ms a frame at 720p)
        BytePointer frameBytes = frameRoi.data(), warpedBytes = warped.data();
        long frameStep = frameRoi.step(), warpedStep = warped.step();
        for (int y = 0; y < h; y++) {
            int first = y * w, x0 = 0, x1 = w;
            while (x0 < w && a[first + x0] == 0) {
                x0++;
            }
            while (x1 > x0 && a[first + x1 - 1] == 0) {
                x1--;
            }
            if (x0 == x1) {
                continue;
            }
            int bytes = 3 * (x1 - x0);
            frameBytes.position(y * frameStep + 3L * x0).get(row, 0, bytes);
            warpedBytes.position(y * warpedStep + 3L * x0).get(src, 0, bytes);
            mix(row, src, a, first + x0, x1 - x0);
            frameBytes.put(row, 0, bytes);
        }
    }

    /**
     * Mixes {@code w} pixels of {@code row} in place with those of {@code src} (both from index 0), by the alphas
     * from {@code a[first]}.
     */
    static void mix(byte[] row, byte[] src, byte[] a, int first, int w) {
        int x = 0;
        while (x < w) {
            int k = a[first + x] & 0xFF;
            if (k == 0) {
                x++;
                continue;
            }
            if (k == 255) { // a run of them: copied at once
                int end = x + 1;
                while (end < w && a[first + end] == (byte) 255) {
                    end++;
                }
                System.arraycopy(src, 3 * x, row, 3 * x, 3 * (end - x));
                x = end;
                continue;
            }
            int rest = 255 - k, j = 3 * x;
            for (int c = 0; c < 3; c++) {
                int v = (src[j + c] & 0xFF) * k + (row[j + c] & 0xFF) * rest + 128;
                row[j + c] = (byte) ((v + (v >> 8)) >> 8);
            }
            x++;
        }
    }
}
