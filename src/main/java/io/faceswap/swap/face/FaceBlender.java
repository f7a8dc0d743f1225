package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Puts the source face over one target face: piecewise-affine warp over the mesh triangles, colour matched to the
 * target's skin, alpha blend with a ramp that scales with the face and fades the forehead extension out
 * ({@link BlendMask}). An open mouth's opening keeps the target's own teeth and tongue; a closed mouth is not cut, or
 * the target's lip line would show through the source's lips. This makes the face's working grid (maps, alpha,
 * colour statistics); {@link FaceDrawing} draws it into the frame.
 */
final class FaceBlender {
    /**
     * Around the mesh's bounds: room for the maps' extension ({@link TriangleRaster#extendMaps}) and a zero ring
     * for the mask's distance transform. Nothing outside the mesh is blended, so a wider ROI only cost work.
     */
    private static final double MARGIN = 0.02;

    private static final double MIN_MARGIN = 4;
    /** The longest side of the grid the colour statistics are taken on: a few thousand skin pixels are plenty. */
    private static final int STATS_SIZE = 96;
    /**
     * The longest side of the grid the mesh is rasterised on and the mask and colour statistics are computed on.
     * A larger face is worked on scaled down, and only its maps and alpha are scaled up: the maps are affine per
     * triangle and the alpha is feathered over 7% of the face, so a small grid loses nothing that shows, and
     * per-face work in Java costs the same for a close-up as for a face of this size (issue 10).
     */
    static final int WORK_SIZE = 128;
    /**
     * The multi-band blend's pyramid picks up a coarser mask's outline (its seam score went from 10.7 to 11.2 at
     * 128 px, where the feathered blend's did not move): it keeps the finer grid, being the slower option anyway.
     */
    private static final int MULTI_BAND_WORK_SIZE = 256;
    /**
     * The warp is sampled on a grid with this many times the source face's own pixel density (and at least the
     * working grid's, at most the frame's): finer only interpolates between source pixels. The warped face is then
     * sharpened ({@link FaceDrawing}) and scaled into the frame bilinearly, which kept it sharper than the full-size
     * bilinear warp did (SourceFaceSizeTest: 0.73 against 0.71 of full sharpness from a 60 px source face, 0.98
     * against 0.93 from 200 px); the multi-band blend scales bilinearly without sharpening (more raised its seam).
     */
    private static final double WARP_DETAIL = 1.25;

    private static final float FOREHEAD_TOP_WEIGHT = 0.3f;
    private static final float[] EXTENSION_WEIGHT = extensionWeight();

    private FaceBlender() {}

    /** Feathered blend. @param target the target face's extended points (same layout as the source's) */
    static void blend(SourceFace source, float[] target, Mat frame, ColorTransfer colour) {
        blend(source, target, frame, colour, false);
    }

    /** @param multiBand a {@link MultiBandBlend} instead of the feathered one */
    static void blend(SourceFace source, float[] target, Mat frame, ColorTransfer colour, boolean multiBand) {
        blend(source, target, frame, colour, multiBand, null);
    }

    /**
     * @param keep where the feathered blend's maps and alpha on the working grid are kept for {@link
     *             ComposedFace#redraw} if the face is larger than the working grid and the source is not scaled
     *             down onto it; null to keep nothing
     */
    static void blend(
            SourceFace source, float[] target, Mat frame, ColorTransfer colour, boolean multiBand, ComposedFace keep) {
        Rect roi = region(target, frame.cols(), frame.rows(), multiBand ? MultiBandBlend.REACH : 0);
        if (roi == null) {
            return;
        }
        int w = roi.width(), h = roi.height();
        double scale = Math.min(1, (multiBand ? MULTI_BAND_WORK_SIZE : WORK_SIZE) / (double) Math.max(w, h));
        int ws = Math.max(4, (int) Math.round(w * scale)), hs = Math.max(4, (int) Math.round(h * scale));
        double density = sourceDensity(source.bounds(), target);
        double warpScale = Math.min(1, Math.max(scale, WARP_DETAIL * density));
        float[] work = toWorkingGrid(target, roi.x(), roi.y(), ws / (double) w, hs / (double) h);
        float[] mapX = new float[ws * hs];
        float[] mapY = new float[ws * hs];
        byte[] inside = new byte[ws * hs];
        float[] extension = new float[ws * hs];
        TriangleRaster.rasterise(
                source.points(),
                work,
                source.triangles(),
                0,
                0,
                ws,
                hs,
                mapX,
                mapY,
                inside,
                EXTENSION_WEIGHT,
                extension);
        if (scale < 1) {
            TriangleRaster.extendMaps(mapX, mapY, inside, ws, hs);
        }
        boolean mouthOpen = MeshTopology.mouthOpening(target) > ShapeTransfer.OPEN_MOUTH / 2;
        BlendMask mask = BlendMask.of(inside, extension, work, 0, 0, ws, hs, faceWidth(work), mouthOpen);
        Mat alpha = new Mat(hs, ws, opencv_core.CV_8U);
        Mat map = interleaved(mapX, mapY, ws, hs);
        boolean kept = false;
        try (Mat frameRoi = new Mat(frame, roi)) {
            alpha.data().put(mask.alpha);
            colourStatistics(source, frameRoi, map, mask.skin, colour);
            FaceDrawing.draw(source, colour, frameRoi, map, alpha, warpScale, multiBand);
            if (keep != null && !multiBand && scale < 1 && density <= 1 && !ComposedFace.atEdge(roi, frame)) {
                keep.keep(map, alpha, roi, target, warpScale);
                kept = true;
            } else if (keep != null) {
                keep.close(); // what it kept is older than this face
            }
        } finally {
            roi.close();
            if (!kept) {
                map.close();
                alpha.close();
            }
        }
    }

    /**
     * Source pixels per target pixel across the face (the finer of the two axes): below 1 the target face is larger
     * than the source's, and a warp finer than the source's own pixels only interpolates between them.
     * @param s the source face's bounds ({@link SourceFace#bounds}, taken once)
     */
    static double sourceDensity(double[] s, float[] target) {
        double[] t = new FaceLandmarks(target).bounds();
        return Math.max((s[2] - s[0]) / Math.max(1, t[2] - t[0]), (s[3] - s[1]) / Math.max(1, t[3] - t[1]));
    }

    /**
     * Updates the colour correction from the uncorrected warp and the target, on a grid of at most
     * {@link #STATS_SIZE} px (nearest samples of the working grid's maps and skin).
     */
    private static void colourStatistics(SourceFace source, Mat frameRoi, Mat map, byte[] skin, ColorTransfer colour) {
        int ws = map.cols(), hs = map.rows();
        int step = Math.max(1, (int) Math.ceil(Math.max(ws, hs) / (double) STATS_SIZE));
        int sw = Math.max(1, ws / step), sh = Math.max(1, hs / step);
        try (Mat skinMat = new Mat(hs, ws, opencv_core.CV_8U);
                Mat smap = new Mat();
                Mat sskin = new Mat();
                Mat warped = new Mat();
                Mat target = new Mat();
                Size size = new Size(sw, sh)) {
            skinMat.data().put(skin);
            opencv_imgproc.resize(map, smap, size, 0, 0, opencv_imgproc.INTER_NEAREST);
            opencv_imgproc.resize(skinMat, sskin, size, 0, 0, opencv_imgproc.INTER_NEAREST);
            opencv_imgproc.resize(frameRoi, target, size, 0, 0, opencv_imgproc.INTER_NEAREST);
            FaceDrawing.warp(source.image(), smap, warped);
            byte[] statsSkin = new byte[sw * sh];
            sskin.data().get(statsSkin);
            colour.update(warped, target, statsSkin);
        }
    }

    /** The points in the ROI's coordinates, scaled to the working grid. */
    private static float[] toWorkingGrid(float[] p, int roiX, int roiY, double sx, double sy) {
        float[] q = p.clone();
        for (int i = 0; i < q.length; i += 3) {
            q[i] = (float) ((p[i] - roiX) * sx);
            q[i + 1] = (float) ((p[i + 1] - roiY) * sy);
        }
        return q;
    }

    /**
     * The two maps as one 2-channel map: each resize, warp and move then runs once over both (OpenCV's warpAffine
     * costs about the same per pixel for one channel as for two).
     */
    private static Mat interleaved(float[] mapX, float[] mapY, int w, int h) {
        float[] xy = new float[2 * mapX.length];
        for (int i = 0; i < mapX.length; i++) {
            xy[2 * i] = mapX[i];
            xy[2 * i + 1] = mapY[i];
        }
        Mat m = new Mat(h, w, opencv_core.CV_32FC2);
        ((java.nio.FloatBuffer) m.createBuffer()).put(xy);
        return m;
    }

    /**
     * 0 on the lifted forehead points, {@link #FOREHEAD_TOP_WEIGHT} on the mesh's top edge, 1 elsewhere: the fade
     * starts inside the mesh, so it is spread over the whole upper forehead. A short fade there still read as an
     * edge wherever the target's hair covers the forehead, since the source's skin ended in a few pixels.
     */
    private static float[] extensionWeight() {
        int[] upper = ForeheadExtension.upperOutline();
        float[] weight = new float[MeshTopology.POINTS + upper.length];
        java.util.Arrays.fill(weight, 0, MeshTopology.POINTS, 1f);
        for (int i = 1; i < upper.length - 1; i++) { // the two ends sit at the temples, beside the eyes
            weight[upper[i]] = FOREHEAD_TOP_WEIGHT;
        }
        return weight;
    }

    private static double faceWidth(float[] p) {
        return Math.hypot(
                p[3 * MeshTopology.FACE_LEFT] - p[3 * MeshTopology.FACE_RIGHT],
                p[3 * MeshTopology.FACE_LEFT + 1] - p[3 * MeshTopology.FACE_RIGHT + 1]);
    }

    /** The face's bounds plus a margin, clipped to the frame; null when nothing of it is inside. */
    static Rect region(float[] p, int width, int height, int extra) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < p.length / 3; i++) {
            minX = Math.min(minX, p[3 * i]);
            maxX = Math.max(maxX, p[3 * i]);
            minY = Math.min(minY, p[3 * i + 1]);
            maxY = Math.max(maxY, p[3 * i + 1]);
        }
        double mx = Math.max(MIN_MARGIN, (maxX - minX) * MARGIN) + extra;
        double my = Math.max(MIN_MARGIN, (maxY - minY) * MARGIN) + extra;
        int x0 = Math.max(0, (int) Math.floor(minX - mx));
        int y0 = Math.max(0, (int) Math.floor(minY - my));
        int x1 = Math.min(width, (int) Math.ceil(maxX + mx));
        int y1 = Math.min(height, (int) Math.ceil(maxY + my));
        return x1 - x0 < 4 || y1 - y0 < 4 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
