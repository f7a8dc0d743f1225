package io.faceswap.swap.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The face to put in: the photo, its face's landmarks (extended up the forehead) and the triangles over them.
 * Immutable once made; share one between workers.
 */
public final class SourceFace implements AutoCloseable {
    private final Mat image;
    private final float[] points;
    private final int[] triangles;

    private SourceFace(Mat image, float[] points, int[] triangles) {
        this.image = image;
        this.points = points;
        this.triangles = triangles;
    }

    /**
     * @throws NotAnImageException     when the file does not decode as an image
     * @throws NoFaceInImageException  when no face is found in it (several: the largest is used)
     */
    public static SourceFace fromFile(Path photo, FaceFinder finder) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(photo);
        } catch (IOException e) {
            throw new NotAnImageException("The photo cannot be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new NotAnImageException("The photo is empty");
        }
        Mat image;
        try (BytePointer data = new BytePointer(bytes); Mat buffer = new Mat(1, bytes.length,
                org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
            image = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR);
        }
        if (image == null || image.empty()) {
            throw new NotAnImageException("The photo is not an image this service can read (JPEG, PNG, WebP, BMP)");
        }
        return fromImage(image, finder);
    }

    /** Takes ownership of {@code image}. */
    public static SourceFace fromImage(Mat image, FaceFinder finder) {
        List<FaceLandmarks> faces = finder.find(image);
        if (faces.isEmpty()) {
            image.close();
            throw new NoFaceInImageException("No face was found in the photo");
        }
        float[] extended = ForeheadExtension.extend(faces.get(0).points());
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
