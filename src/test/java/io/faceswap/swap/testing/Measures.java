package io.faceswap.swap.testing;

import io.faceswap.swap.face.FaceLandmarks;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Picture comparisons for tests. */
public final class Measures {
    private Measures() {}

    public static double psnr(Mat a, Mat b) {
        return opencv_core.PSNR(a, b);
    }

    /** PSNR over the pixels farther than {@code margin} x face width from the face's centre. */
    public static double psnrOutside(Mat a, Mat b, FaceLandmarks face, double margin) {
        try (Mat mask = new Mat(a.rows(), a.cols(), opencv_core.CV_8UC1, new Scalar(255));
                Mat diff = new Mat();
                Mat sq = new Mat();
                Mat fa = new Mat();
                Mat fb = new Mat()) {
            double[] bo = face.bounds();
            int rx = (int) ((bo[2] - bo[0]) * (0.5 + margin)), ry = (int) ((bo[3] - bo[1]) * (0.5 + margin));
            opencv_imgproc.ellipse(
                    mask,
                    new Point((int) face.centerX(), (int) face.centerY()),
                    new Size(rx, ry),
                    0,
                    0,
                    360,
                    new Scalar(0),
                    -1,
                    8,
                    0);
            a.convertTo(fa, opencv_core.CV_32F);
            b.convertTo(fb, opencv_core.CV_32F);
            opencv_core.subtract(fa, fb, diff);
            opencv_core.multiply(diff, diff, sq);
            Scalar mean = opencv_core.mean(sq, mask);
            double mse = (mean.get(0) + mean.get(1) + mean.get(2)) / 3;
            return mse == 0 ? 100 : 10 * Math.log10(255 * 255 / mse);
        }
    }
}
