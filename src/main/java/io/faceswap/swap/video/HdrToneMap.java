package io.faceswap.swap.video;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * HDR to 8-bit SDR, the documented method:
 * <ol>
 * <li>signal to light: PQ by its SMPTE ST 2084 EOTF (absolute nits); HLG by its inverse OETF and the BT.2100 OOTF
 *     for a 1000-nit display (system gamma 1.2);</li>
 * <li>nits relative to SDR reference white, 203 nits (ITU-R BT.2408);</li>
 * <li>BT.2020 to BT.709 primaries (linear 3x3 matrix, negatives clipped);</li>
 * <li>extended Reinhard on the brightest channel, white point 1000 nits, with the colour ratios kept (no hue shift);</li>
 * <li>BT.1886 inverse (power 1/2.4) to 8 bits.</li>
 * </ol>
 * Runs in Java over lookup tables: about 30 operations a pixel. swscale cannot do it and FFmpeg's tonemap filters need
 * zimg, which the bundled FFmpeg lacks.
 */
final class HdrToneMap {
    private static final double REFERENCE_WHITE = 203;
    private static final double PEAK = 1000 / REFERENCE_WHITE;
    private static final double[][] BT2020_TO_709 = {
        {1.6605, -0.5876, -0.0728}, {-0.1246, 1.1329, -0.0083}, {-0.0182, -0.1006, 1.1187}};
    private static final float[] PQ = table(HdrToneMap::pq);
    private static final float[] HLG = table(HdrToneMap::hlgInverseOetf);
    private static final byte[] GAMMA = new byte[4097];

    static {
        for (int i = 0; i < GAMMA.length; i++) {
            GAMMA[i] = (byte) Math.round(255 * Math.pow(i / 4096.0, 1 / 2.4));
        }
    }

    /** @param bgr48 16-bit BGR holding the HDR signal, full range */
    Mat apply(Mat bgr48, boolean hlg) {
        int n = bgr48.rows() * bgr48.cols();
        short[] in = new short[n * 3];
        ((ShortBuffer) bgr48.createBuffer()).get(in);
        byte[] out = new byte[n * 3];
        float[] curve = hlg ? HLG : PQ;
        for (int p = 0; p < n * 3; p += 3) {
            double b = curve[in[p] & 0xFFFF];
            double g = curve[in[p + 1] & 0xFFFF];
            double r = curve[in[p + 2] & 0xFFFF];
            if (hlg) { // OOTF: display light = 1000 nits * Ys^0.2 * scene light
                double ys = 0.2627 * r + 0.6780 * g + 0.0593 * b;
                double gain = 1000 / REFERENCE_WHITE * Math.pow(ys, 0.2);
                r *= gain;
                g *= gain;
                b *= gain;
            }
            double r7 = Math.max(0, BT2020_TO_709[0][0] * r + BT2020_TO_709[0][1] * g + BT2020_TO_709[0][2] * b);
            double g7 = Math.max(0, BT2020_TO_709[1][0] * r + BT2020_TO_709[1][1] * g + BT2020_TO_709[1][2] * b);
            double b7 = Math.max(0, BT2020_TO_709[2][0] * r + BT2020_TO_709[2][1] * g + BT2020_TO_709[2][2] * b);
            double m = Math.max(r7, Math.max(g7, b7));
            double scale = m <= 0 ? 0 : (1 + m / (PEAK * PEAK)) / (1 + m);
            out[p] = GAMMA[index(b7 * scale)];
            out[p + 1] = GAMMA[index(g7 * scale)];
            out[p + 2] = GAMMA[index(r7 * scale)];
        }
        Mat sdr = new Mat(bgr48.rows(), bgr48.cols(), opencv_core.CV_8UC3);
        ((ByteBuffer) sdr.createBuffer()).put(out);
        return sdr;
    }

    private static int index(double v) {
        return (int) Math.round(Math.min(1, v) * 4096);
    }

    /** PQ EOTF: signal in [0,1] to nits, relative to reference white. */
    static double pq(double e) {
        double m1 = 2610 / 16384.0;
        double m2 = 2523 / 4096.0 * 128;
        double c1 = 3424 / 4096.0;
        double c2 = 2413 / 4096.0 * 32;
        double c3 = 2392 / 4096.0 * 32;
        double p = Math.pow(e, 1 / m2);
        return 10000 * Math.pow(Math.max(p - c1, 0) / (c2 - c3 * p), 1 / m1) / REFERENCE_WHITE;
    }

    /** HLG inverse OETF: signal in [0,1] to scene light in [0,1]. */
    static double hlgInverseOetf(double e) {
        double a = 0.17883277;
        double b = 0.28466892;
        double c = 0.55991073;
        return e <= 0.5 ? e * e / 3 : (Math.exp((e - c) / a) + b) / 12;
    }

    private static float[] table(java.util.function.DoubleUnaryOperator f) {
        float[] t = new float[65536];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) f.applyAsDouble(i / 65535.0);
        }
        return t;
    }
}
