package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Reinhard-style colour transfer in Lab: shifts and scales each channel of the warped source face so its skin
 * matches the target face's skin. The statistics are robust: the median for the level and half the 16-84 percentile
 * range for the spread (the standard deviation for normal data), over skin pixels only ({@link BlendMask#skin}):
 * eyes, brows, lips, hair, glasses' edges and background would otherwise pull the mean, and a face whose colour
 * is flat (an animated film) would get a huge gain; both gave a colour cast. Gains are clamped for the same reason,
 * tighter for the colour channels than for lightness. The statistics are smoothed over time per face, so the colour
 * does not flicker from frame to frame.
 */
final class ColorTransfer implements AutoCloseable {
    private static final double SMOOTHING = 0.3;
    private static final double[] MIN_GAIN = {0.6, 0.75, 0.75};
    private static final double[] MAX_GAIN = {1.6, 1.35, 1.35};
    /** Fewer skin pixels than this: too little to judge, keep the last correction (or none). */
    private static final int MIN_SKIN = 64;

    private static final int REDO_STEP = 2;
    private double[] state; // {gain0..2, offset0..2}
    private byte[] applied;
    private Mat corrected;
    private Rect sampled;
    private Mat sampledLab;

    /**
     * Updates the correction from the warped source face and the target's pixels under {@code skin} (same size,
     * BGR, continuous). They may be a scaled-down copy of the face: statistics need no more than a few thousand
     * pixels.
     */
    void update(Mat warped, Mat target, byte[] skin) {
        double[] s = robustStats(lab(warped), skin), t = robustStats(lab(target), skin);
        if (s == null || t == null) {
            return;
        }
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

    /**
     * The source image with the current correction, if any (else the image itself). Correcting the source before
     * the warp instead of the warped face after it costs a face-sized image's worth of work only when the correction
     * has moved: each Lab channel's change is a function of that channel alone, so it is a three-channel lookup
     * table, and the corrected image is made again only when an entry of the table moves by {@link #REDO_STEP}
     * levels or more. Per frame the smoothed statistics move by a fraction of a level. Only the part a warp reads
     * ({@link SourceFace#sampled}) is corrected, from its Lab copy made once: a redo is then a lookup and one
     * conversion back (0.77 ms on a 720p close-up before, a third of that after; redone on 35 frames of 150).
     */
    Mat correctedSource(SourceFace source) {
        if (state == null) {
            return source.image();
        }
        byte[] table = new byte[256 * 3];
        for (int v = 0; v < 256; v++) {
            for (int c = 0; c < 3; c++) {
                table[3 * v + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(v * state[c] + state[3 + c])));
            }
        }
        if (corrected == null) {
            int[] r = source.sampled();
            corrected = source.image().clone();
            sampled = new Rect(r[0], r[1], r[2], r[3]);
            sampledLab = new Mat();
            try (Mat region = new Mat(source.image(), sampled)) {
                opencv_imgproc.cvtColor(region, sampledLab, opencv_imgproc.COLOR_BGR2Lab);
            }
        } else if (!moved(table, applied)) {
            return corrected;
        }
        try (Mat mapped = new Mat();
                Mat lut = new Mat(1, 256, opencv_core.CV_8UC3);
                Mat region = new Mat(corrected, sampled)) {
            lut.data().put(table);
            opencv_core.LUT(sampledLab, lut, mapped);
            opencv_imgproc.cvtColor(mapped, region, opencv_imgproc.COLOR_Lab2BGR); // in place: same size and type
        }
        applied = table;
        return corrected;
    }

    private static boolean moved(byte[] table, byte[] applied) {
        for (int i = 0; i < table.length; i++) {
            if (Math.abs((table[i] & 0xFF) - (applied[i] & 0xFF)) >= REDO_STEP) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (corrected != null) {
            corrected.close();
            sampled.close();
            sampledLab.close();
        }
    }

    private static byte[] lab(Mat bgr) {
        try (Mat lab = new Mat()) {
            opencv_imgproc.cvtColor(bgr, lab, opencv_imgproc.COLOR_BGR2Lab);
            byte[] bytes = new byte[(int) lab.total() * 3];
            lab.data().get(bytes);
            return bytes;
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
