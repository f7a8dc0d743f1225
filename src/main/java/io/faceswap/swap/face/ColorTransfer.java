package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reinhard-style colour transfer in Lab: shifts and scales each channel of the warped source face so its skin
 * matches the target face's skin. The statistics are robust: the median for the level and half the 16-84 percentile
 * range for the spread (the standard deviation for normal data), over skin pixels only ({@link BlendMask#skin}):
 * eyes, brows, lips, hair, glasses' edges and background would otherwise pull the mean, and a face whose colour
 * is flat (an animated film) would get a huge gain; both gave a colour cast. Gains are clamped for the same reason,
 * tighter for the colour channels than for lightness. The statistics are smoothed over time per face, so the colour
 * does not flicker from frame to frame.
 */
final class ColorTransfer {
    private static final double SMOOTHING = 0.3;
    private static final double[] MIN_GAIN = {0.6, 0.75, 0.75};
    private static final double[] MAX_GAIN = {1.6, 1.35, 1.35};
    /** Fewer skin pixels than this: too little to judge, keep the last correction (or none). */
    private static final int MIN_SKIN = 64;
    private double[] state; // {gain0..2, offset0..2}

    /** Changes {@code warped} (BGR, continuous, same size as {@code target}) in place. */
    void apply(Mat warped, Mat target, byte[] skin) {
        try (Mat sourceLab = new Mat(); Mat targetLab = new Mat()) {
            opencv_imgproc.cvtColor(warped, sourceLab, opencv_imgproc.COLOR_BGR2Lab);
            opencv_imgproc.cvtColor(target, targetLab, opencv_imgproc.COLOR_BGR2Lab);
            int n = (int) (sourceLab.total() * 3);
            byte[] lab = new byte[n];
            byte[] targetBytes = new byte[n];
            sourceLab.data().get(lab);
            targetLab.data().get(targetBytes);
            double[] s = robustStats(lab, skin), t = robustStats(targetBytes, skin);
            if (s != null && t != null) {
                double[] next = new double[6];
                for (int c = 0; c < 3; c++) {
                    double gain = Math.max(MIN_GAIN[c], Math.min(MAX_GAIN[c], t[3 + c] / Math.max(1.0, s[3 + c])));
                    next[c] = gain;
                    next[3 + c] = t[c] - gain * s[c];
                }
                if (state == null) {
                    state = next;
                } else {
                    for (int i = 0; i < 6; i++) {
                        state[i] += SMOOTHING * (next[i] - state[i]);
                    }
                }
            }
            if (state == null) {
                return;
            }
            for (int i = 0; i < n; i++) {
                int c = i % 3;
                double v = (lab[i] & 0xFF) * state[c] + state[3 + c];
                lab[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
            sourceLab.data().put(lab);
            opencv_imgproc.cvtColor(sourceLab, warped, opencv_imgproc.COLOR_Lab2BGR);
        }
    }

    /** {median0..2, spread0..2} over the pixels where {@code mask} is set, from 256-bin histograms; null if few. */
    static double[] robustStats(byte[] lab, byte[] mask) {
        int[][] hist = new int[3][256];
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                count++;
                for (int c = 0; c < 3; c++) {
                    hist[c][lab[3 * i + c] & 0xFF]++;
                }
            }
        }
        if (count < MIN_SKIN) {
            return null;
        }
        double[] stats = new double[6];
        for (int c = 0; c < 3; c++) {
            stats[c] = percentile(hist[c], count, 0.5);
            stats[3 + c] = (percentile(hist[c], count, 0.84) - percentile(hist[c], count, 0.16)) / 2;
        }
        return stats;
    }

    /** The value below which {@code q} of the samples lie, interpolated within its bin. */
    private static double percentile(int[] hist, int count, double q) {
        double want = q * count;
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            if (seen + hist[v] >= want) {
                return v + (hist[v] == 0 ? 0 : (want - seen) / hist[v]) - 0.5;
            }
            seen += hist[v];
        }
        return 255;
    }
}
