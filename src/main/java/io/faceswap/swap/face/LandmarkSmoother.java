package io.faceswap.swap.face;

/**
 * One-Euro filter over every landmark coordinate: strong smoothing while the face is still (removing the model's
 * frame-to-frame jitter), little when it moves fast (no lag). Cut-offs are in cycles per frame; the speed term is
 * normalised by the face's size so the behaviour does not depend on resolution.
 */
final class LandmarkSmoother {
    private static final double MIN_CUTOFF = 0.04;
    private static final double BETA = 20;
    private static final double DERIVATIVE_CUTOFF = 0.15;

    private float[] value;
    private float[] derivative;

    float[] smooth(float[] raw, double faceSize) {
        if (value == null) {
            value = raw.clone();
            derivative = new float[raw.length];
            return value.clone();
        }
        double alphaD = alpha(DERIVATIVE_CUTOFF);
        for (int i = 0; i < raw.length; i++) {
            double d = raw[i] - value[i];
            derivative[i] += (float) (alphaD * (d - derivative[i]));
            double speed = Math.abs(derivative[i]) / Math.max(1, faceSize);
            double alpha = alpha(MIN_CUTOFF + BETA * speed);
            value[i] += (float) (alpha * d);
        }
        return value.clone();
    }

    private static double alpha(double cutoff) {
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau);
    }
}
