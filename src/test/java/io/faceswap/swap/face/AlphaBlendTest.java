package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

class AlphaBlendTest {

    @Test
    void everyPixelIsTheRoundedMixAndAlphaZeroLeavesTheFrameAlone() {
        int w = 37, h = 23;
        Random random = new Random(7);
        byte[] frameBytes = new byte[64 * 48 * 3], warpedBytes = new byte[w * h * 3], alphaBytes = new byte[w * h];
        random.nextBytes(frameBytes);
        random.nextBytes(warpedBytes);
        random.nextBytes(alphaBytes);
        for (int i = 0; i < w; i++) { // whole rows at 0, 255 and in between, and one of runs of each
            alphaBytes[i] = 0;
            alphaBytes[w + i] = (byte) 255;
            alphaBytes[2 * w + i] = i < 4 || i > w - 3 ? 0 : i % 9 < 5 ? (byte) 255 : alphaBytes[2 * w + i];
        }
        try (Mat frame = new Mat(48, 64, opencv_core.CV_8UC3);
                Mat warped = new Mat(h, w, opencv_core.CV_8UC3);
                Mat alpha = new Mat(h, w, opencv_core.CV_8U);
                Rect r = new Rect(5, 9, w, h);
                Mat roi = new Mat(frame, r)) { // a region: rows are not contiguous
            frame.data().put(frameBytes);
            warped.data().put(warpedBytes);
            alpha.data().put(alphaBytes);
            AlphaBlend.blend(warped, roi, alpha);
            byte[] out = new byte[frameBytes.length];
            frame.data().get(out);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    for (int c = 0; c < 3; c++) {
                        int i = (y * 64 + x) * 3 + c;
                        boolean in = x >= 5 && x < 5 + w && y >= 9 && y < 9 + h;
                        int f = frameBytes[i] & 0xFF;
                        int expected = f;
                        if (in) {
                            int a = alphaBytes[(y - 9) * w + x - 5] & 0xFF;
                            int s = warpedBytes[((y - 9) * w + x - 5) * 3 + c] & 0xFF;
                            expected = (int) Math.round((s * a + f * (255 - a)) / 255.0);
                        }
                        assertEquals(expected, out[i] & 0xFF, "pixel " + x + "," + y + " channel " + c);
                    }
                }
            }
        }
    }

    @Test
    void aRowIsCopiedWhereAlphaIsFullKeptWhereItIsZeroAndMixedBetween() {
        byte[] row = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        byte[] src = {
            (byte) 200,
            (byte) 201,
            (byte) 202,
            (byte) 203,
            (byte) 204,
            (byte) 205,
            0,
            0,
            0,
            (byte) 255,
            (byte) 255,
            (byte) 255
        };
        AlphaBlend.mix(row, src, new byte[] {9, (byte) 255, (byte) 255, 0, (byte) 128}, 1, 4);
        assertArrayEquals(
                new byte[] {
                    (byte) 200,
                    (byte) 201,
                    (byte) 202,
                    (byte) 203,
                    (byte) 204,
                    (byte) 205,
                    7,
                    8,
                    9,
                    (byte) 133,
                    (byte) 133,
                    (byte) 134
                },
                row);
    }
}
