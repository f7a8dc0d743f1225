package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A face followed from frame to frame: its smoothed landmarks and colour statistics, and whether a frame's landmarks
 * may be predicted from its smoothed motion instead of run through the landmark model, the largest per-frame cost
 * left (4-7 ms a run on one core here). That happens on at most one frame after each measured one, or two for a face
 * moving under half {@link #COAST_SPEED} (two frames then drift as far as one), and only for a face that has been
 * measured for a while, moves slowly and whose box looks as it did on the last frame (not across a cut). Measured
 * drift from the model: FaceSwapperTest. Not thread-safe.
 */
final class FollowedFace implements AutoCloseable {
    /**
     * Mean point speed per frame, as a share of the distance between the eyes, below which frames may be predicted.
     * Measured against the model on the next frame, the prediction was off by 0.3-0.4% of that distance on the
     * benchmark's moving clip, and by 1.1-1.4% where a fast sway turns back; at this speed the smoother's own lag is
     * about 0.75%, so a predicted frame is no further off than a smoothed one.
     */
    static final double COAST_SPEED = 0.03;
    /** Below this speed a predicted frame keeps the last landmarks: the smoothed motion is mostly the model's jitter. */
    private static final double STILL_SPEED = 0.004;
    /** Measurements before any prediction: the smoother's motion estimate settles first. */
    private static final int SETTLE = 10;
    /** Largest change of the box's mean colour (levels, any channel) from the last frame that still allows one. */
    private static final double LOOK_CHANGE = 8;

    private static final int LOOK_ROWS = 4;

    /** Largest change of the box's mean colour (levels, any channel) from the last frame that is not a cut. */
    private static final double CUT_CHANGE = 12;

    ColorTransfer colour = new ColorTransfer();
    /** The face last made for it, which a predicted frame may draw again ({@link ComposedFace}). */
    ComposedFace composed = new ComposedFace();

    /** With face mappings: the index of the mapping this face was last matched to, or -1. */
    int mapping = -1;
    /** With face mappings: its identity vector when last checked, and the frame it was checked on. */
    float[] identity;

    long identityFrame;
    private double[] lastLook;

    private final LandmarkSmoother smoother = new LandmarkSmoother();
    private final boolean smoothing;
    private FaceLandmarks landmarks;
    /** Frames predicted since the last measurement. */
    private int predicted;
    /** Frames the next measurement is from the last one, for the smoother. */
    private int step = 1;

    private int measured;
    private double[] look;

    FollowedFace(FaceLandmarks raw, Mat frame, boolean smoothing) {
        this.smoothing = smoothing;
        measure(raw, frame);
    }

    FaceLandmarks landmarks() {
        return landmarks;
    }

    /** Predicts this frame's landmarks if it may, and says whether it did; if not, {@link #measure} is due. */
    boolean predict(Mat frame) {
        double speed = smoother.speed(landmarks.interocular());
        int most = speed < COAST_SPEED / 2 ? 2 : 1; // half the speed: two frames drift as far as one
        if (!smoothing || predicted >= most || measured < SETTLE || speed >= COAST_SPEED || !looksAsBefore(frame)) {
            return false;
        }
        boolean still = speed < STILL_SPEED;
        predicted++;
        if (!still) {
            landmarks = new FaceLandmarks(smoother.predict(predicted));
        }
        step = still ? 1 : predicted + 1; // a still face's next measurement is smoothed as if it came one frame later
        return true;
    }

    /** Whether this frame's landmarks were predicted, not measured. */
    boolean predictedNow() {
        return predicted > 0;
    }

    void measure(FaceLandmarks raw, Mat frame) {
        landmarks = smoothing ? new FaceLandmarks(smoother.smooth(raw.points(), raw.interocular(), step)) : raw;
        step = 1;
        predicted = 0;
        measured++;
        look = measured >= SETTLE - 1 ? meanInBox(frame) : null;
    }

    /**
     * Whether the box's look changed from the last frame as only a cut changes it (another person where this one
     * was); the first call says no.
     */
    boolean cut(Mat frame) {
        double[] now = meanInBox(frame);
        double[] before = lastLook;
        lastLook = now;
        if (before == null || now == null) {
            return false;
        }
        for (int c = 0; c < 3; c++) {
            if (Math.abs(now[c] - before[c]) > CUT_CHANGE) {
                return true;
            }
        }
        return false;
    }

    /** Matches this face to another mapping: what was made for the last one's photo is dropped. */
    void assign(int newMapping) {
        if (newMapping != mapping) {
            mapping = newMapping;
            colour.close();
            composed.close();
            colour = new ColorTransfer();
            composed = new ComposedFace();
        }
    }

    private boolean looksAsBefore(Mat frame) {
        double[] now = meanInBox(frame);
        if (look == null || now == null) {
            return false;
        }
        for (int c = 0; c < 3; c++) {
            if (Math.abs(now[c] - look[c]) > LOOK_CHANGE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Mean BGR in the middle half of the landmarks' box, clipped to the frame, over every {@link #LOOK_ROWS}th row
     * (a cut changes far more than a level; all rows cost 0.1 ms a frame on a 720p close-up); null if none of it
     * is in the frame.
     */
    private double[] meanInBox(Mat frame) {
        double[] b = landmarks.bounds();
        double qx = (b[2] - b[0]) / 4, qy = (b[3] - b[1]) / 4;
        int x0 = Math.max(0, (int) (b[0] + qx)), y0 = Math.max(0, (int) (b[1] + qy));
        int x1 = Math.min(frame.cols(), (int) Math.ceil(b[2] - qx));
        int y1 = Math.min(frame.rows(), (int) Math.ceil(b[3] - qy));
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        int rows = (y1 - y0 + LOOK_ROWS - 1) / LOOK_ROWS;
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
                Mat box = new Mat(frame, r);
                Mat sparse = new Mat(rows, x1 - x0, frame.type(), box.data(), box.step() * LOOK_ROWS);
                Scalar mean = opencv_core.mean(sparse)) {
            return new double[] {mean.get(0), mean.get(1), mean.get(2)};
        }
    }

    @Override
    public void close() {
        colour.close(); // its corrected copy of the source is native memory
        composed.close();
    }
}
