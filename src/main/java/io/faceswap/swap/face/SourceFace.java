package io.faceswap.swap.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The face to put in: the photo, its face's landmarks (extended up the forehead) and the triangles over them.
 * Immutable once made; share one between workers.
 */
public final class SourceFace implements AutoCloseable {
    /** The default limit on a photo's pixels (width x height from its header). */
    public static final long DEFAULT_MAX_PIXELS = PhotoDecoder.DEFAULT_MAX_PIXELS;
    /** The longest side of the kept face image (see {@link #of}). */
    static final int MAX_SIDE = 512;

    private static final double CROP_MARGIN = 0.15;
    /** Around the mesh in {@link #sampled}: the bilinear warp reads one pixel beyond where it samples. */
    private static final int SAMPLED_MARGIN = 4;

    private final Mat image;
    private final float[] points;
    private final int[] triangles;
    private final double[] bounds;
    private final int[] sampled;

    private final float[] photoMesh;

    private SourceFace(Mat image, float[] points, int[] triangles, float[] photoMesh) {
        this.image = image;
        this.photoMesh = photoMesh;
        this.points = points;
        this.triangles = triangles;
        this.bounds = new FaceLandmarks(points).bounds();
        int x0 = Math.max(0, (int) Math.floor(bounds[0]) - SAMPLED_MARGIN);
        int y0 = Math.max(0, (int) Math.floor(bounds[1]) - SAMPLED_MARGIN);
        int x1 = Math.min(image.cols(), (int) Math.ceil(bounds[2]) + 1 + SAMPLED_MARGIN);
        int y1 = Math.min(image.rows(), (int) Math.ceil(bounds[3]) + 1 + SAMPLED_MARGIN);
        this.sampled = new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    /**
     * Reads the photo (at most {@link #DEFAULT_MAX_PIXELS}), upright by its EXIF orientation, and checks its face.
     *
     * @throws NotAnImageException         when the file does not decode as an image
     * @throws ImageTooLargeException      when its header declares more pixels than the limit
     * @throws NoFaceInImageException      when no face is found in it (several: the largest is used)
     * @throws SourceFaceTooSmallException when the largest face is too small to swap well
     * @throws SourceFaceTurnedException   when the largest face is turned too far away
     */
    public static SourceFace fromFile(Path photo, FaceFinder finder) {
        return fromFile(photo, finder, DEFAULT_MAX_PIXELS);
    }

    /** As {@link #fromFile(Path, FaceFinder)}, with another pixel limit. */
    public static SourceFace fromFile(Path photo, FaceFinder finder, long maxPixels) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(photo);
        } catch (IOException e) {
            throw new NotAnImageException("The photo cannot be read: " + e.getMessage());
        }
        return fromImage(PhotoDecoder.decode(bytes, maxPixels), finder);
    }

    /** Takes ownership of {@code image}; the largest face is used, and checked ({@link SourceChecks}). */
    public static SourceFace fromImage(Mat image, FaceFinder finder) {
        List<FaceLandmarks> faces = finder.find(image);
        if (faces.isEmpty()) {
            image.close();
            throw new NoFaceInImageException("No face was found in the photo");
        }
        try {
            SourceChecks.check(faces.get(0).points()); // largest first
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
        return of(image, faces.get(0).points());
    }

    /** Without the checks: for measuring what the checks' thresholds should be. */
    static SourceFace unchecked(Mat image, FaceFinder finder) {
        List<FaceLandmarks> faces = finder.find(image);
        if (faces.isEmpty()) {
            image.close();
            throw new NoFaceInImageException("No face was found in the photo");
        }
        return of(image, faces.get(0).points());
    }

    /**
     * Keeps only the face and a margin around it, at most {@link #MAX_SIDE} px on its longer side: a phone photo
     * may be 40 MP, and the warp samples better (less aliasing) and the per-face colour correction of the source
     * costs less from a face-sized image. Triangles are made first, in the photo's own frame.
     */
    private static SourceFace of(Mat image, float[] mesh) {
        float[] extended = ForeheadExtension.extend(mesh);
        int[] triangles = Triangulation.of(extended, image.cols(), image.rows());
        double[] b = new FaceLandmarks(extended).bounds();
        double margin = CROP_MARGIN * Math.max(b[2] - b[0], b[3] - b[1]);
        int x0 = Math.max(0, (int) Math.floor(b[0] - margin)), y0 = Math.max(0, (int) Math.floor(b[1] - margin));
        int x1 = Math.min(image.cols(), (int) Math.ceil(b[2] + margin));
        int y1 = Math.min(image.rows(), (int) Math.ceil(b[3] + margin));
        double scale = Math.min(1, MAX_SIDE / (double) Math.max(x1 - x0, y1 - y0));
        int w = Math.max(1, (int) Math.round((x1 - x0) * scale)), h = Math.max(1, (int) Math.round((y1 - y0) * scale));
        double sx = w / (double) (x1 - x0), sy = h / (double) (y1 - y0);
        Mat face = new Mat();
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
                Mat region = new Mat(image, r);
                Size size = new Size(w, h)) {
            opencv_imgproc.resize(region, face, size, 0, 0, opencv_imgproc.INTER_AREA);
        } finally {
            image.close();
        }
        float[] points = extended.clone();
        for (int i = 0; i < points.length; i += 3) { // pixel centres stay pixel centres
            points[i] = (float) ((extended[i] - x0 + 0.5) * sx - 0.5);
            points[i + 1] = (float) ((extended[i + 1] - y0 + 0.5) * sy - 0.5);
            points[i + 2] = (float) (extended[i + 2] * Math.sqrt(sx * sy));
        }
        return new SourceFace(face, points, triangles, mesh);
    }

    Mat image() {
        return image;
    }

    /** The face's landmarks in {@link #image} (the kept face image), e.g. to measure its identity there. */
    FaceLandmarks faceInImage() {
        return new FaceLandmarks(points);
    }

    float[] points() {
        return points;
    }

    int[] triangles() {
        return triangles;
    }

    /** {minX, minY, maxX, maxY} of {@link #points}. */
    double[] bounds() {
        return bounds;
    }

    /**
     * {x, y, width, height} of the part of {@link #image} a warp of the mesh can read: its bounds and a margin, a
     * little over half the kept image (which has a margin for the landmark model).
     */
    int[] sampled() {
        return sampled;
    }

    /** The face's landmarks in the photo as given (not in the kept face image). */
    public FaceLandmarks landmarks() {
        return new FaceLandmarks(photoMesh.clone());
    }

    @Override
    public void close() {
        image.close();
    }
}
