package io.faceswap.swap.face;

/**
 * One-Euro filter over every landmark coordinate: strong smoothing while the face is still (removing the model's
 * frame-to-frame jitter), little when it moves fast (no lag). Cut-offs are in cycles per frame; the speed term is
 * normalised by the face's size so the behaviour does not depend on resolution. Measurements may be more than one
 * frame apart (a frame in between {@link #predict predicted}): the filter takes the time step into account.
 */
final class LandmarkSmoother {
    private static final double MIN_CUTOFF = 0.04;
    private static final double BETA = 20;
    private static final double DERIVATIVE_CUTOFF = 0.15;

    private float[] value;
    /** Smoothed change per frame of each coordinate. */
    private float[] derivative;

    float[] smooth(float[] raw, double faceSize) {
        return smooth(raw, faceSize, 1);
    }

    /** @param frames frames since the last measurement (1, or more after predicted frames) */
    float[] smooth(float[] raw, double faceSize, int frames) {
        if (value == null) {
            value = raw.clone();
            derivative = new float[raw.length];
            return value.clone();
        }
        double alphaD = alpha(DERIVATIVE_CUTOFF, frames);
        for (int i = 0; i < raw.length; i++) {
            double d = raw[i] - value[i];
            derivative[i] += (float) (alphaD * (d / frames - derivative[i]));
            double speed = Math.abs(derivative[i]) / Math.max(1, faceSize);
            double alpha = alpha(MIN_CUTOFF + BETA * speed, frames);
            value[i] += (float) (alpha * d);
        }
        return value.clone();
    }

    /**
     * Mean smoothed speed of the points in x and y, per frame, as a share of {@code faceSize}; infinite before two
     * measurements.
     */
    double speed(double faceSize) {
        if (value == null) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < derivative.length; i += 3) {
            sum += Math.hypot(derivative[i], derivative[i + 1]);
        }
        return sum / (derivative.length / 3.0) / Math.max(1, faceSize);
    }

    /** The points {@code frames} frames ahead of the last smoothed ones, at their smoothed speed; the state is not changed. */
    float[] predict(int frames) {
        float[] ahead = value.clone();
        for (int i = 0; i < ahead.length; i++) {
            ahead[i] += frames * derivative[i];
        }
        return ahead;
    }

    private static double alpha(double cutoff, int frames) {
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau / frames);
    }
}
