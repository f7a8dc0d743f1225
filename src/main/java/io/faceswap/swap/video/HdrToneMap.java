package io.faceswap.swap.video;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * HDR to 8-bit SDR, the documented method:
 * <ol>
 * <li>Y'CbCr to R'G'B' by the BT.2020 non-constant-luminance matrix, limited or full range;</li>
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
        {1.6605, -0.5876, -0.0728}, {-0.1246, 1.1329, -0.0083}, {-0.0182, -0.1006, 1.1187}
    };
    private static final float[] PQ = table(HdrToneMap::pq);
    private static final float[] HLG = table(HdrToneMap::hlgInverseOetf);
    private static final byte[] GAMMA = new byte[4097];

    static {
        for (int i = 0; i < GAMMA.length; i++) {
            GAMMA[i] = (byte) Math.round(255 * Math.pow(i / 4096.0, 1 / 2.4));
        }
    }

    /**
     * @param yuv 16-bit planar 4:4:4 (Y plane, then Cb, then Cr: {@code 3h} rows of {@code w}) holding the HDR signal
     * @param fullRange whether the samples use the full range (else 10-bit video levels scaled to 16 bits)
     */
    Mat apply(Mat yuv, int w, int h, boolean fullRange, boolean hlg) {
        int n = w * h;
        short[] in = new short[n * 3];
        ((ShortBuffer) yuv.createBuffer()).get(in);
        byte[] out = new byte[n * 3];
        double yZero = fullRange ? 0 : 64 * 64, yScale = fullRange ? 65535 : 876 * 64;
        double cScale = fullRange ? 65535 : 896 * 64;
        float[] curve = hlg ? HLG : PQ;
        for (int i = 0, p = 0; i < n; i++, p += 3) {
            double y = ((in[i] & 0xFFFF) - yZero) / yScale;
            double cb = ((in[n + i] & 0xFFFF) - 32768) / cScale;
            double cr = ((in[2 * n + i] & 0xFFFF) - 32768) / cScale;
            double r = curve[signal(y + 1.4746 * cr)];
            double g = curve[signal(y - 0.16455 * cb - 0.57135 * cr)];
            double b = curve[signal(y + 1.8814 * cb)];
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
        Mat sdr = new Mat(h, w, opencv_core.CV_8UC3);
        ((ByteBuffer) sdr.createBuffer()).put(out);
        return sdr;
    }

    /** A non-linear signal in [0, 1] (clipped) as an index into the 16-bit curve tables. */
    private static int signal(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 65535);
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
