package io.faceswap.swap.face;

/**
 * The least-squares 2-D affine map between two point sets of the same layout ({x0, y0, z0, x1, ...}), and how far
 * the worst point is from it: small when one set is the other moved, turned and scaled, as a slow face's landmarks
 * are from one frame to the next; large when the face changed shape (a mouth opening, a head turning).
 */
final class AffineFit {
    /** x' = m[0] x + m[1] y + m[2], y' = m[3] x + m[4] y + m[5]. */
    final double[] m;
    /** The largest distance, in pixels, of a point of {@code to} from its mapped point of {@code from}. */
    final double worst;

    private AffineFit(double[] m, double worst) {
        this.m = m;
        this.worst = worst;
    }

    /** The fit, or null if {@code from}'s points are degenerate (all on a line). */
    static AffineFit of(float[] from, float[] to) {
        int n = from.length / 3;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += from[3 * i];
            my += from[3 * i + 1];
        }
        mx /= n;
        my /= n;
        // normal equations on centred coordinates: [sxx sxy; sxy syy] [a b] = [sxu syu] for each output axis
        double sxx = 0, sxy = 0, syy = 0, sxu = 0, syu = 0, sxv = 0, syv = 0, su = 0, sv = 0;
        for (int i = 0; i < n; i++) {
            double x = from[3 * i] - mx, y = from[3 * i + 1] - my, u = to[3 * i], v = to[3 * i + 1];
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            sxu += x * u;
            syu += y * u;
            sxv += x * v;
            syv += y * v;
            su += u;
            sv += v;
        }
        double det = sxx * syy - sxy * sxy;
        if (Math.abs(det) < 1e-9 * Math.max(1, sxx * syy)) {
            return null;
        }
        double a = (sxu * syy - syu * sxy) / det, b = (syu * sxx - sxu * sxy) / det;
        double c = (sxv * syy - syv * sxy) / det, d = (syv * sxx - sxv * sxy) / det;
        double[] m = {a, b, su / n - a * mx - b * my, c, d, sv / n - c * mx - d * my};
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double x = from[3 * i], y = from[3 * i + 1];
            double du = m[0] * x + m[1] * y + m[2] - to[3 * i], dv = m[3] * x + m[4] * y + m[5] - to[3 * i + 1];
            worst = Math.max(worst, du * du + dv * dv);
        }
        return new AffineFit(m, Math.sqrt(worst));
    }
}
