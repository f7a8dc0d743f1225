package io.faceswap.swap.face;

import io.faceswap.swap.testing.TestImages;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Frames and measures for the quality tests. */
final class QualityImages {
    private QualityImages() {}

    /** The face and some margin, twice as large: where a seam would show. */
    static void saveCloseUp(Mat image, FaceLandmarks face, String name) {
        double[] b = face.bounds();
        int m = (int) (face.width() * 0.3);
        int x0 = Math.max(0, (int) b[0] - m), y0 = Math.max(0, (int) b[1] - 2 * m);
        int x1 = Math.min(image.cols(), (int) b[2] + m), y1 = Math.min(image.rows(), (int) b[3] + m);
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
                Mat crop = new Mat(image, r);
                Mat big = new Mat()) {
            opencv_imgproc.resize(crop, big, new Size(2 * (x1 - x0), 2 * (y1 - y0)), 0, 0, opencv_imgproc.INTER_CUBIC);
            TestImages.save(big, name);
        }
    }

    /** The photo scaled and shifted into a w x h grey frame, face near the top centre. */
    static Mat place(Mat photo, int w, int h, double zoom, double dx) {
        double scale = h / (double) photo.rows() * zoom;
        Mat frame = new Mat();
        try (Mat m = new Mat(2, 3, opencv_core.CV_64F);
                Size size = new Size(w, h);
                Scalar grey = new Scalar(60, 60, 60, 0)) {
            double x = w / 2.0 - photo.cols() * scale / 2 + dx, y = h / 2.0 - photo.rows() * scale * 0.45;
            ((java.nio.DoubleBuffer) m.createBuffer()).put(new double[] {scale, 0, x, 0, scale, y});
            opencv_imgproc.warpAffine(
                    photo, frame, m, size, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_CONSTANT, grey);
        }
        return frame;
    }

    /** The frame plus Gaussian noise (sigma 3), different for every seed. */
    static Mat noisy(Mat frame, int seed) {
        try (Mat noise = new Mat(frame.size(), opencv_core.CV_16SC3);
                Mat mean = new Mat(1, 1, opencv_core.CV_64F, new Scalar(0));
                Mat sigma = new Mat(1, 1, opencv_core.CV_64F, new Scalar(3));
                Mat wide = new Mat()) {
            opencv_core.theRNG().state(1000 + seed);
            opencv_core.randn(noise, mean, sigma);
            frame.convertTo(wide, opencv_core.CV_16SC3);
            opencv_core.add(wide, noise, wide);
            Mat out = new Mat();
            wide.convertTo(out, opencv_core.CV_8UC3);
            return out;
        }
    }

    static double meanAbsDiff(Mat a, Mat b) {
        try (Mat d = new Mat()) {
            opencv_core.absdiff(a, b, d);
            Scalar m = opencv_core.mean(d);
            return (m.get(0) + m.get(1) + m.get(2)) / 3;
        }
    }
}
