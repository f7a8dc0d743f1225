package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reinhard-style colour transfer in Lab: shifts and scales each channel of the warped source face so its mean and
 * spread inside the mask match the target face's skin. The statistics are smoothed over time per face, so the
 * colour does not flicker from frame to frame.
 */
final class ColorTransfer {
    private static final double SMOOTHING = 0.3;
    private double[] state; // {gain0..2, offset0..2}

    /** Changes {@code warped} (BGR, continuous) in place. */
    void apply(Mat warped, Mat target, Mat mask) {
        try (Mat sourceLab = new Mat(); Mat targetLab = new Mat();
             Mat sm = new Mat(); Mat ss = new Mat(); Mat tm = new Mat(); Mat ts = new Mat()) {
            opencv_imgproc.cvtColor(warped, sourceLab, opencv_imgproc.COLOR_BGR2Lab);
            opencv_imgproc.cvtColor(target, targetLab, opencv_imgproc.COLOR_BGR2Lab);
            opencv_core.meanStdDev(sourceLab, sm, ss, mask);
            opencv_core.meanStdDev(targetLab, tm, ts, mask);
            double[] next = new double[6];
            double[] smv = doubles(sm), ssv = doubles(ss), tmv = doubles(tm), tsv = doubles(ts);
            for (int c = 0; c < 3; c++) {
                double gain = Math.max(0.5, Math.min(2.0, tsv[c] / Math.max(1.0, ssv[c])));
                next[c] = gain;
                next[3 + c] = tmv[c] - gain * smv[c];
            }
            if (state == null) {
                state = next;
            } else {
                for (int i = 0; i < 6; i++) {
                    state[i] += SMOOTHING * (next[i] - state[i]);
                }
            }
            int n = (int) (sourceLab.total() * 3);
            byte[] lab = new byte[n];
            sourceLab.data().get(lab);
            for (int i = 0; i < n; i++) {
                int c = i % 3;
                double v = (lab[i] & 0xFF) * state[c] + state[3 + c];
                lab[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
            sourceLab.data().put(lab);
            opencv_imgproc.cvtColor(sourceLab, warped, opencv_imgproc.COLOR_Lab2BGR);
        }
    }

    private static double[] doubles(Mat m) {
        double[] v = new double[3];
        ((java.nio.DoubleBuffer) m.createBuffer()).get(v);
        return v;
    }
}
