package io.faceswap.swap.face;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Multi-band (Laplacian pyramid) blend of the warped face into the frame's face region (Burt and Adelson): each
 * band of detail is mixed with the mask blurred to that band's scale, so fine detail switches over sharply and
 * broad colour blends over a wide ring. An option (issue 11, item 5), off by default: it lowers the seam score by a
 * third (SwapQualityTest: 15.6 to 10.7 and 10.2 to 7.6) but costs about 6 ms more a frame on a 720p close-up, which
 * keeps the engine further from its speed goal (docs/benchmarks.md).
 */
final class MultiBandBlend {
    /** Levels below full size; the coarsest band is 1/16 of the region, which sets how far colour blends. */
    static final int LEVELS = 4;
    /** Pixels around the mask the coarse bands reach into: the region must have that much room. */
    static final int REACH = 2 << LEVELS;

    private MultiBandBlend() {}

    /** frameRoi = blend of warped (8-bit BGR) over it, with alpha (32-bit float, 0 to 1), both frameRoi's size. */
    static void blend(Mat warped, Mat frameRoi, Mat alpha) {
        List<Mat> owned = new ArrayList<>();
        try {
            Mat a = owned(owned, new Mat());
            Mat b = owned(owned, new Mat());
            warped.convertTo(a, opencv_core.CV_32F);
            frameRoi.convertTo(b, opencv_core.CV_32F);
            // the warp is only the face inside the mask: outside, the frame itself, so no garbage blurs inwards
            Mat outside = owned(owned, new Mat());
            opencv_core.compare(
                    alpha,
                    owned(owned, new Mat(1, 1, opencv_core.CV_32F, new org.bytedeco.opencv.opencv_core.Scalar(0))),
                    outside,
                    opencv_core.CMP_LE);
            b.copyTo(a, outside);
            Mat m = owned(owned, new Mat());
            opencv_imgproc.cvtColor(alpha, m, opencv_imgproc.COLOR_GRAY2BGR);
            List<Mat> bands = new ArrayList<>();
            for (int level = 0; level < LEVELS && Math.min(a.rows(), a.cols()) >= 8; level++) {
                Mat a2 = owned(owned, new Mat()), b2 = owned(owned, new Mat()), m2 = owned(owned, new Mat());
                opencv_imgproc.pyrDown(a, a2);
                opencv_imgproc.pyrDown(b, b2);
                opencv_imgproc.pyrDown(m, m2);
                bands.add(mixedDetail(owned, a, a2, b, b2, m));
                a = a2;
                b = b2;
                m = m2;
            }
            Mat out = mix(owned, a, b, m); // the coarsest level: plain colour, mixed with the most blurred mask
            for (int level = bands.size() - 1; level >= 0; level--) {
                Mat band = bands.get(level);
                Mat up = owned(owned, new Mat());
                try (Size size = new Size(band.cols(), band.rows())) {
                    opencv_imgproc.pyrUp(out, up, size, opencv_core.BORDER_DEFAULT);
                }
                opencv_core.add(up, band, up);
                out = up;
            }
            out.convertTo(frameRoi, opencv_core.CV_8U); // saturating; same size and type: in place
        } finally {
            owned.forEach(Mat::close);
        }
    }

    /** (a - up(a2)) * m + (b - up(b2)) * (1 - m): this level's detail of each image, mixed. */
    private static Mat mixedDetail(List<Mat> owned, Mat a, Mat a2, Mat b, Mat b2, Mat m) {
        Mat detailA = owned(owned, new Mat()), detailB = owned(owned, new Mat());
        try (Size size = new Size(a.cols(), a.rows())) {
            opencv_imgproc.pyrUp(a2, detailA, size, opencv_core.BORDER_DEFAULT);
            opencv_imgproc.pyrUp(b2, detailB, size, opencv_core.BORDER_DEFAULT);
        }
        opencv_core.subtract(a, detailA, detailA);
        opencv_core.subtract(b, detailB, detailB);
        return mix(owned, detailA, detailB, m);
    }

    /** x * m + y * (1 - m) = y + (x - y) * m. */
    private static Mat mix(List<Mat> owned, Mat x, Mat y, Mat m) {
        Mat out = owned(owned, new Mat());
        opencv_core.subtract(x, y, out);
        opencv_core.multiply(out, m, out);
        opencv_core.add(out, y, out);
        return out;
    }

    private static Mat owned(List<Mat> owned, Mat m) {
        owned.add(m);
        return m;
    }
}
