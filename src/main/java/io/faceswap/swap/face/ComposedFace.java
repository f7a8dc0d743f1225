package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A followed face's last fully made swap, on its working grid: the maps into the source face and the blend's alpha,
 * with the region and the points they were made for. On a frame whose landmarks were predicted ({@link
 * FollowedFace}), the face has only moved, turned or scaled a little since: if an affine map takes the old points to
 * the new ones to within {@link #TOLERANCE} px at every point, the kept maps and alpha are moved by it onto the new
 * region's grid and the face is drawn from them ({@link FaceDrawing#draw}). That skips the mesh raster, the mask and
 * the colour statistics (about 1 of 2.4 CPU ms of a 720p close-up's blend; issue 10), and the source is still
 * sampled once, so the face is as sharp as one made anew (moving the made face instead blurred it by a second
 * interpolation). The colour correction is the last measured frame's, as the landmarks are. Any other change (the
 * mouth moving, the head turning) leaves points off the map, and the face is made anew.
 * <p>
 * Only a face larger than the working grid that the source is not scaled down onto is kept: that is where the blend
 * costs most (a close-up), and where half a frame pixel is at most half a source pixel. Where the source is scaled
 * down, half a frame pixel is more than a source pixel, and the sampled texture came out visibly other than a face
 * made anew (31 dB against 42 in the face). Not thread-safe: one per followed face.
 */
final class ComposedFace implements AutoCloseable {
    /**
     * Largest distance, in frame pixels, between a point where the moved maps put it and where the predicted
     * landmarks do: half a pixel.
     */
    static final double TOLERANCE = 0.5;

    private Mat map;
    private Mat alpha;
    private int roiX, roiY, roiW, roiH;
    private float[] points;
    private double warpScale;

    /**
     * Keeps (and takes ownership of) the working grid of a swap just made. {@link #close} forgets it: the face just
     * made is not one to redraw, and the kept one would be stale.
     */
    void keep(Mat sourceMap, Mat alphaGrid, Rect roi, float[] target, double scale) {
        close();
        map = sourceMap;
        alpha = alphaGrid;
        roiX = roi.x();
        roiY = roi.y();
        roiW = roi.width();
        roiH = roi.height();
        points = target;
        warpScale = scale;
    }

    /**
     * Draws the face onto {@code frame} at {@code target}'s points from the kept grid if it can stand for a face made
     * anew there, and says whether it did.
     */
    boolean redraw(float[] target, Mat frame, SourceFace source, ColorTransfer colour) {
        if (map == null) {
            return false;
        }
        AffineFit fit = AffineFit.of(points, target);
        if (fit == null || fit.worst > TOLERANCE) {
            return false;
        }
        Rect roi = FaceBlender.region(target, frame.cols(), frame.rows(), 0);
        if (roi == null) {
            return true; // out of the frame: nothing to draw, as FaceBlender would have drawn nothing
        }
        if (atEdge(roi, frame)) {
            roi.close();
            return false;
        }
        try (roi;
                Mat frameRoi = new Mat(frame, roi);
                Mat m = new Mat();
                Mat a = new Mat()) {
            double[] move = gridToGrid(fit.m, roi);
            place(map, m, move, opencv_core.BORDER_REPLICATE);
            place(alpha, a, move, opencv_core.BORDER_CONSTANT);
            FaceDrawing.draw(source, colour, frameRoi, m, a, warpScale, false);
        }
        return true;
    }

    /**
     * Whether a face's region reaches the frame's edge, where it is cut off: the kept grid holds only the part that
     * was inside, so a face moving in would be drawn without the part that came in. Such faces are not kept, nor
     * redrawn there.
     */
    static boolean atEdge(Rect roi, Mat frame) {
        return roi.x() == 0
                || roi.y() == 0
                || roi.x() + roi.width() == frame.cols()
                || roi.y() + roi.height() == frame.rows();
    }

    /**
     * The affine map from the kept grid to a grid of the same size over the new region: grid pixel centre (u, v) of
     * the old grid was at old frame position (roiX + (u + 0.5) sx - 0.5, ...), which the fit moves to the new frame
     * position, which is on the new grid as the same relation gives.
     */
    private double[] gridToGrid(double[] m, Rect roi) {
        int gw = map.cols(), gh = map.rows();
        double sx = roiW / (double) gw, sy = roiH / (double) gh;
        double nx = roi.width() / (double) gw, ny = roi.height() / (double) gh;
        double gx = roiX + 0.5 * sx - 0.5, gy = roiY + 0.5 * sy - 0.5;
        double hx = 0.5 - 0.5 * nx - roi.x(), hy = 0.5 - 0.5 * ny - roi.y();
        return new double[] {
            m[0] * sx / nx,
            m[1] * sy / nx,
            (m[0] * gx + m[1] * gy + m[2] + hx) / nx,
            m[3] * sx / ny,
            m[4] * sy / ny,
            (m[3] * gx + m[4] * gy + m[5] + hy) / ny
        };
    }

    private static void place(Mat grid, Mat out, double[] affine, int border) {
        try (Mat map = new Mat(2, 3, opencv_core.CV_64F);
                Size size = new Size(grid.cols(), grid.rows());
                Scalar zero = new Scalar(0, 0, 0, 0)) {
            ((java.nio.DoubleBuffer) map.createBuffer()).put(affine);
            opencv_imgproc.warpAffine(grid, out, map, size, opencv_imgproc.INTER_LINEAR, border, zero);
        }
    }

    @Override
    public void close() {
        if (map != null) {
            map.close();
            alpha.close();
            map = null;
            alpha = null;
            points = null;
        }
    }
}
