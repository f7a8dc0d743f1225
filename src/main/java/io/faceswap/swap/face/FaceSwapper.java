package io.faceswap.swap.face;

import io.faceswap.swap.FrameProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Swaps the source face onto the faces of consecutive frames. Faces are followed from frame to frame (matched by
 * overlap), so each keeps its own landmark smoothing and colour statistics. Not thread-safe: one per worker and
 * sequential frame range; the {@link SourceFace} may be shared.
 */
public final class FaceSwapper implements FrameProcessor {
    private static final double MATCH_IOU = 0.3;
    /**
     * Frames between searches for new faces with the short-range detector; known faces are followed on every frame.
     * Small, distant faces need the full-range detector too, which costs three times as much: it runs on every
     * {@link #FULL_RANGE_EVERY}th search, and on every search while no face is followed.
     */
    private static final int DETECT_EVERY = 5;
    private static final int FULL_RANGE_EVERY = 6;
    /** How much of the source face's proportions the swapped face takes on (see {@link ShapeTransfer}). */
    private static final double SHAPE_TRANSFER = 0.9;

    private final SourceFace source;
    private final FaceFinder finder;
    private final boolean largestOnly;
    private final boolean smoothing;
    private List<Track> tracks = new ArrayList<>();
    private long lastFrame = Long.MIN_VALUE;
    private long lastDetection = Long.MIN_VALUE / 2;
    private long searches;

    private static final class Track {
        final LandmarkSmoother smoother = new LandmarkSmoother();
        final ColorTransfer colour = new ColorTransfer();
        FaceLandmarks landmarks;
    }

    public FaceSwapper(SourceFace source, boolean largestOnly) {
        this(source, largestOnly, true);
    }

    /** @param smoothing false only to measure what smoothing gains */
    public FaceSwapper(SourceFace source, boolean largestOnly, boolean smoothing) {
        this.source = source;
        this.finder = FaceFinderPool.borrow();
        this.largestOnly = largestOnly;
        this.smoothing = smoothing;
    }

    @Override
    public int process(Mat frame, long frameIndex) {
        if (frameIndex != lastFrame + 1) {
            tracks.forEach(t -> t.colour.close());
            tracks = new ArrayList<>(); // a jump (seek, restart): nothing to smooth against
            lastDetection = Long.MIN_VALUE / 2;
        }
        lastFrame = frameIndex;
        List<FaceLandmarks> faces = locate(frame, frameIndex);
        for (Track track : tracks) {
            float[] shaped = ShapeTransfer.destination(source.points(), track.landmarks.points(), SHAPE_TRANSFER);
            float[] points = ForeheadExtension.extend(shaped);
            FaceBlender.blend(source, points, frame, track.colour);
        }
        return faces.size();
    }

    /** The landmarks last used for each face, smoothed (for measuring jitter). */
    public List<FaceLandmarks> lastLandmarks() {
        return tracks.stream().map(t -> t.landmarks).toList();
    }

    /**
     * Follows known faces by their landmarks (the mesh model says when a face is gone) and looks for new faces
     * with the detectors every few frames only: detection costs more than following.
     */
    private List<FaceLandmarks> locate(Mat frame, long frameIndex) {
        List<Track> next = new ArrayList<>();
        for (Track track : tracks) {
            FaceLandmarks raw = finder.track(frame, track.landmarks);
            if (raw != null && !overlapsAny(raw, next)) {
                update(track, raw);
                next.add(track);
            }
        }
        if (frameIndex - lastDetection >= DETECT_EVERY || next.isEmpty() && frameIndex - lastDetection >= 2) {
            lastDetection = frameIndex;
            boolean fullRange = next.isEmpty() || searches++ % FULL_RANGE_EVERY == 0;
            for (Detection d : finder.detect(frame, fullRange)) {
                FaceLandmarks raw = overlapsAny(d, next) ? null : finder.fromDetection(frame, d);
                if (raw != null && !overlapsAny(raw, next)) {
                    Track track = new Track();
                    update(track, raw);
                    next.add(track);
                }
            }
        }
        if (largestOnly && next.size() > 1) {
            next = List.of(next.stream().max(Comparator.comparingDouble(t -> t.landmarks.interocular()))
                    .orElseThrow());
        }
        for (Track gone : tracks) {
            if (!next.contains(gone)) {
                gone.colour.close(); // its corrected copy of the source is native memory
            }
        }
        tracks = next;
        return tracks.stream().map(t -> t.landmarks).toList();
    }

    private void update(Track track, FaceLandmarks raw) {
        track.landmarks = smoothing
                ? new FaceLandmarks(track.smoother.smooth(raw.points(), raw.interocular())) : raw;
    }

    private static boolean overlapsAny(FaceLandmarks face, List<Track> tracks) {
        return overlapsAny(box(face), tracks);
    }

    private static boolean overlapsAny(Detection d, List<Track> tracks) {
        return tracks.stream().anyMatch(t -> box(t.landmarks).iou(d) > MATCH_IOU);
    }

    private static Detection box(FaceLandmarks f) {
        double[] b = f.bounds();
        return new Detection(b[0], b[1], b[2] - b[0], b[3] - b[1], 1, new double[12]);
    }

    @Override
    public void close() {
        tracks.forEach(t -> t.colour.close());
        FaceFinderPool.giveBack(finder);
    }
}
