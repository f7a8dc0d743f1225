package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a face from its working grid ({@link FaceBlender} makes it, {@link ComposedFace} moves a kept one): the
 * source warped by the grid's maps at the warp's own scale, sharpened, scaled into the frame's region and blended
 * there by the grid's alpha scaled up with it.
 */
final class FaceDrawing {
    /**
     * Weight of the 4-neighbour Laplacian subtracted from the warped face before it is scaled up: bilinear upscaling
     * with this mild sharpening scored exactly the bicubic upscale's sharpness at every source size in
     * SourceFaceSizeTest (0.73 at 61 px, 0.87 at 100, 0.94 at 140) and its seam (10.18 against 10.19), in a quarter
     * of the time: a bicubic resize of a 720p close-up's face (8-bit, 3 channels) cost 1.1 ms, bilinear 0.28 and the
     * 3x3 filter on the smaller grid about 0.1 (issue 10). Plain bilinear lost sharpness (0.70 at 61 px).
     */
    private static final double SHARPEN = 0.11;
    /** Read-only once made, so shared by every worker (filter2D does not write its kernel). */
    private static final Mat SHARPEN_KERNEL = sharpenKernel();

    private FaceDrawing() {}

    /**
     * Warps the colour-corrected source by the working grid's maps onto a grid of {@code warpScale} times the
     * region's size, and blends it into the region with the working grid's alpha, both scaled up to the region.
     */
    static void draw(
            SourceFace source,
            ColorTransfer colour,
            Mat frameRoi,
            Mat map,
            Mat alpha,
            double warpScale,
            boolean multiBand) {
        int w = frameRoi.cols(), h = frameRoi.rows();
        int ww = Math.max(map.cols(), (int) Math.round(w * warpScale));
        int hw = Math.max(map.rows(), (int) Math.round(h * warpScale));
        try (Mat scaledMap = new Mat();
                Mat warped = new Mat();
                Mat face = new Mat();
                Mat faceAlpha = new Mat();
                Mat alphaF = new Mat();
                Mat alphaFUp = new Mat()) {
            warp(colour.correctedSource(source), scaled(map, scaledMap, ww, hw), warped);
            if (!multiBand && (warped.cols() < w || warped.rows() < h)) {
                sharpen(warped);
            }
            Mat scaledFace = scaled(warped, face, w, h);
            if (multiBand) {
                // its pyramid of the mask is in float: scaled up in float too
                alpha.convertTo(alphaF, opencv_core.CV_32F, 1 / 255.0, 0);
                MultiBandBlend.blend(scaledFace, frameRoi, scaled(alphaF, alphaFUp, w, h));
            } else {
                AlphaBlend.blend(scaledFace, frameRoi, scaled(alpha, faceAlpha, w, h));
            }
        }
    }

    /** @param map source (x, y) per output pixel, 2-channel float */
    static void warp(Mat image, Mat map, Mat out) {
        try (Scalar black = new Scalar(0, 0, 0, 0);
                Mat none = new Mat()) {
            opencv_imgproc.remap(
                    image, out, map, none, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE, black);
        }
    }

    /** In place: m - {@link #SHARPEN} * Laplacian(m). */
    private static void sharpen(Mat m) {
        opencv_imgproc.filter2D(m, m, -1, SHARPEN_KERNEL);
    }

    private static Mat sharpenKernel() {
        Mat kernel = new Mat(3, 3, opencv_core.CV_32F);
        float c = (float) (1 + 4 * SHARPEN), e = (float) -SHARPEN;
        ((java.nio.FloatBuffer) kernel.createBuffer()).put(new float[] {0, e, 0, e, c, e, 0, e, 0});
        return kernel;
    }

    /**
     * {@code m} scaled bilinearly into {@code out}, and that; or {@code m} itself if it has that size already. The
     * maps are affine within each triangle, so they scale up almost exactly; the warped face and the alpha are smooth
     * at the grid's scale.
     */
    private static Mat scaled(Mat m, Mat out, int w, int h) {
        if (m.cols() == w && m.rows() == h) {
            return m;
        }
        try (Size size = new Size(w, h)) {
            opencv_imgproc.resize(m, out, size, 0, 0, opencv_imgproc.INTER_LINEAR);
        }
        return out;
    }
}
