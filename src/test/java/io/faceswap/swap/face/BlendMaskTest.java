package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class BlendMaskTest {
    /**
     * The open mouth's distance, computed around the mouth only, is the whole grid's distance wherever the ramp can
     * reach, and beyond it wherever it was not computed; on a face with its mouth open wide, at grid scale.
     */
    @Test
    void theMouthsDistanceAroundTheMouthIsTheWholeGridsDistance() {
        float[] p;
        try (Mat photo = TestImages.load(TestImages.ASTRONAUT)) {
            p = TestFinder.shared().find(photo).get(0).points().clone();
        }
        // stretch the mouth open around its centre, as a wide-open mouth would be
        double cy = (p[3 * 13 + 1] + p[3 * 14 + 1]) / 2;
        for (int i : MeshTopology.INNER_LIPS) {
            p[3 * i + 1] = (float) (cy + 3 * (p[3 * i + 1] - cy));
        }
        double[] b = new FaceLandmarks(p).bounds();
        int w = (int) Math.ceil(b[2]) + 4, h = (int) Math.ceil(b[3]) + 4;
        double feather = 6;
        try (Mat features = new Mat(h, w, opencv_core.CV_8UC1, new Scalar(255))) {
            BlendMask.fill(features, p, MeshTopology.INNER_LIPS, 0, 0, 0);
            byte[] open = new byte[w * h];
            features.data().get(open);
            float[] whole = BlendMask.distance(open, w, h);
            float[] near = BlendMask.mouthDistance(features, p, 0, 0, feather);
            int compared = 0;
            for (int i = 0; i < whole.length; i++) {
                if (near[i] != Float.MAX_VALUE) {
                    assertEquals(whole[i], near[i], 1e-4, "pixel " + i);
                    compared++;
                } else {
                    assertTrue(whole[i] > feather, "pixel " + i + " at " + whole[i] + " was left out");
                }
            }
            assertTrue(compared > 100 && compared < whole.length / 4, "compared " + compared + " of " + whole.length);
        }
    }
}
