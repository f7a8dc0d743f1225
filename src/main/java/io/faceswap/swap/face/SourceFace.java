package io.faceswap.swap.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The face to put in: the photo, its face's landmarks (extended up the forehead) and the triangles over them.
 * Immutable once made; share one between workers.
 */
public final class SourceFace implements AutoCloseable {
    /** The default limit on a photo's pixels (width x height from its header). */
    public static final long DEFAULT_MAX_PIXELS = PhotoDecoder.DEFAULT_MAX_PIXELS;
    private final Mat image;
    private final float[] points;
    private final int[] triangles;

    private SourceFace(Mat image, float[] points, int[] triangles) {
        this.image = image;
        this.points = points;
        this.triangles = triangles;
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

    private static SourceFace of(Mat image, float[] mesh) {
        float[] extended = ForeheadExtension.extend(mesh);
        return new SourceFace(image, extended, Triangulation.of(extended, image.cols(), image.rows()));
    }

    Mat image() {
        return image;
    }

    float[] points() {
        return points;
    }

    int[] triangles() {
        return triangles;
    }

    public FaceLandmarks landmarks() {
        return new FaceLandmarks(java.util.Arrays.copyOf(points, MeshTopology.POINTS * 3));
    }

    @Override
    public void close() {
        image.close();
    }
}
