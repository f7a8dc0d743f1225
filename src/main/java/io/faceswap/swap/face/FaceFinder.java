package io.faceswap.swap.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds faces and their landmarks in one image: short-range detection first (fast), full range when that finds
 * nothing (small or distant faces). Not thread-safe: one per worker.
 */
public final class FaceFinder implements AutoCloseable {
    private final FaceDetector shortRange = new FaceDetector(FaceDetector.Range.SHORT);
    private final FaceDetector fullRange = new FaceDetector(FaceDetector.Range.FULL);
    private final FaceLandmarker landmarker = new FaceLandmarker();
    /** Built on first use: only face mappings and identity measures need it. */
    private FaceEmbedder embedder;

    public List<Detection> detect(Mat bgr) {
        return detect(bgr, true);
    }

    /**
     * @param fullRange false to run the short-range detector only: the full-range one costs about three times as
     *                  much, and a video's known faces are followed without either
     */
    List<Detection> detect(Mat bgr, boolean fullRange) {
        List<Detection> found = new ArrayList<>(shortRange.detect(bgr));
        if (fullRange) {
            found.addAll(this.fullRange.detect(bgr));
        }
        return FaceDetector.weightedNms(found);
    }

    /** Every face with landmarks, largest first. */
    public List<FaceLandmarks> find(Mat bgr) {
        List<FaceLandmarks> faces = new ArrayList<>();
        for (Detection d : detect(bgr)) {
            float[] points = landmarker.landmarks(bgr, FaceRoi.fromDetection(d));
            if (points != null) {
                faces.add(new FaceLandmarks(points));
            }
        }
        faces.sort(Comparator.comparingDouble(FaceLandmarks::interocular).reversed());
        return faces;
    }

    /** Landmarks again in a region given by earlier landmarks (tracking), or null if the face left it. */
    FaceLandmarks track(Mat bgr, FaceLandmarks previous) {
        float[] points = landmarker.landmarks(bgr, FaceRoi.fromLandmarks(previous.points()));
        return points == null ? null : new FaceLandmarks(points);
    }

    FaceLandmarks fromDetection(Mat bgr, Detection d) {
        float[] points = landmarker.landmarks(bgr, FaceRoi.fromDetection(d));
        return points == null ? null : new FaceLandmarks(points);
    }

    /** The identity vector of this face ({@link FaceEmbedder}). */
    public float[] identity(Mat bgr, FaceLandmarks face) {
        if (embedder == null) {
            embedder = new FaceEmbedder();
        }
        return embedder.embed(bgr, face);
    }

    /** The identity vectors of several faces of one image, in order: cheaper than one by one. */
    public List<float[]> identities(Mat bgr, List<FaceLandmarks> faces) {
        if (embedder == null) {
            embedder = new FaceEmbedder();
        }
        return embedder.embed(bgr, faces);
    }

    /**
     * The identity of the largest face of a photo (a reference photo: who to replace).
     *
     * @throws NoFaceInImageException when the photo has no face
     */
    public float[] largestIdentity(Mat bgr) {
        List<FaceLandmarks> faces = find(bgr);
        if (faces.isEmpty()) {
            throw new NoFaceInImageException("No face was found in the reference photo");
        }
        return identity(bgr, faces.get(0));
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
        }
        shortRange.close();
        fullRange.close();
        landmarker.close();
    }
}
