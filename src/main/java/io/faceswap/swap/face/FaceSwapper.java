package io.faceswap.swap.face;

import io.faceswap.swap.FrameProcessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Swaps the source face onto the faces of consecutive frames. Faces are followed from frame to frame (matched by
 * overlap), so each keeps its own landmark smoothing and colour statistics ({@link FollowedFace}). Not thread-safe:
 * one per worker and sequential frame range; the {@link SourceFace} may be shared.
 */
public final class FaceSwapper implements FrameProcessor {
    private static final double MATCH_IOU = 0.3;
    /**
     * Frames between searches for new faces with the short-range detector while faces are followed (they are
     * followed on every frame; with none, every other frame is searched): a face walking in is swapped within a third
     * of a second. A short-range search costs about as much as a landmark run. Small, distant faces need the full-range
     * detector too, which costs four times as much (11 ms a run on one core at 720p): it runs on every
     * {@link #FULL_RANGE_EVERY}th search since it last ran (every 2 s at 30 fps; once a second cost 0.2 ms a frame
     * more on a close-up, issue 10), and on every search while no face is followed: so not again on the first
     * search after the one that found the face. So a distant face that appears while another is
     * followed is swapped within 2 s, a near one within a third of a second.
     */
    private static final int DETECT_EVERY = 10;

    private static final int FULL_RANGE_EVERY = 6;
    /** How much of the source face's proportions the swapped face takes on (see {@link ShapeTransfer}). */
    static final double SHAPE_TRANSFER = 0.9;

    /**
     * With face mappings, frames between checks of a followed face's identity (besides new faces and cuts): a wrong
     * match lasts at most half a second at 30 fps, for about 4 ms (one identity run) per face every this many
     * frames.
     */
    static final int IDENTITY_EVERY = 15;

    /**
     * Frames between samples of {@link #swappedIdentity} for a task's quality: an embedding of two faces costs about
     * 30 ms of one core, so one frame in 30 keeps it under 5% of the swap (MappingBenchmark).
     */
    public static final int IDENTITY_SAMPLE_EVERY = 30;

    private final SourceFace source;
    /** Empty: every face (or the largest) gets {@link #source}; else only faces matched to one of these. */
    private final List<FaceMapping> mappings;

    private final List<float[]> references;
    private final double threshold;
    private final FaceFinder finder;
    private final boolean largestOnly;
    private final boolean smoothing;
    private final boolean multiBand;
    private final boolean redrawPredicted;
    private List<FollowedFace> faces = new ArrayList<>();
    private long lastFrame = Long.MIN_VALUE;
    private long lastDetection = Long.MIN_VALUE / 2;
    /** Searches since the full-range detector last ran (it also runs on every search while no face is followed). */
    private int searchesSinceFullRange;

    private long landmarkRuns;
    private long predictions;
    private long redrawn;
    private long identityRuns;
    private final SceneCut sceneCut = new SceneCut();
    /** The faces the last {@link #process} drew, and the photo each got (for {@link #swappedIdentity}). */
    private final List<FollowedFace> drawn = new ArrayList<>();

    private final List<SourceFace> drawnWith = new ArrayList<>();
    private final Map<SourceFace, float[]> sourceIdentities = new IdentityHashMap<>();

    public FaceSwapper(SourceFace source, boolean largestOnly) {
        this(source, largestOnly, true);
    }

    /** @param smoothing false only to measure what smoothing gains (it also turns predicted frames off) */
    public FaceSwapper(SourceFace source, boolean largestOnly, boolean smoothing) {
        this(source, largestOnly, smoothing, false);
    }

    /** @param multiBand the {@link MultiBandBlend} instead of the feathered blend (slower; an option) */
    public FaceSwapper(SourceFace source, boolean largestOnly, boolean smoothing, boolean multiBand) {
        this(source, largestOnly, smoothing, multiBand, true);
    }

    /**
     * @param redrawPredicted false only to measure what redrawing a predicted frame's face from the last one
     *                        ({@link ComposedFace}) changes: every face is then made anew on every frame
     */
    FaceSwapper(SourceFace source, boolean largestOnly, boolean smoothing, boolean multiBand, boolean redrawPredicted) {
        this(source, List.of(), 0, largestOnly, smoothing, multiBand, redrawPredicted);
    }

    /**
     * Swaps only the faces matched to a mapping's reference ({@link FaceIdentity}), each with its mapping's photo;
     * other faces are left as they are. A face keeps its match while followed, and is checked again every
     * {@link #IDENTITY_EVERY} frames and at a cut.
     *
     * @param threshold the cosine at or above which a face is a reference's person
     */
    public FaceSwapper(List<FaceMapping> mappings, double threshold, boolean multiBand) {
        this(mappings.get(0).source(), mappings, threshold, false, true, multiBand, true);
    }

    private FaceSwapper(
            SourceFace source,
            List<FaceMapping> mappings,
            double threshold,
            boolean largestOnly,
            boolean smoothing,
            boolean multiBand,
            boolean redrawPredicted) {
        this.redrawPredicted = redrawPredicted && !multiBand;
        this.source = source;
        this.mappings = List.copyOf(mappings);
        this.references = this.mappings.stream().map(FaceMapping::reference).toList();
        this.threshold = threshold;
        this.finder = FaceFinderPool.borrow();
        this.largestOnly = largestOnly;
        this.smoothing = smoothing;
        this.multiBand = multiBand;
    }

    @Override
    public int process(Mat frame, long frameIndex) {
        if (frameIndex != lastFrame + 1) {
            faces.forEach(FollowedFace::close);
            faces = new ArrayList<>(); // a jump (seek, restart): nothing to smooth against
            lastDetection = Long.MIN_VALUE / 2;
        }
        lastFrame = frameIndex;
        if (!mappings.isEmpty() && sceneCut.next(frame)) {
            // another shot: whoever is where a face was may be someone else, and their landmarks are not smoothed
            // against the last shot's; every face is found and identified anew on this frame
            faces.forEach(FollowedFace::close);
            faces = new ArrayList<>();
            lastDetection = Long.MIN_VALUE / 2;
        }
        locate(frame, frameIndex);
        if (!mappings.isEmpty()) {
            identify(frame, frameIndex);
        }
        int swapped = 0;
        drawn.clear();
        drawnWith.clear();
        for (FollowedFace face : faces) {
            if (!mappings.isEmpty() && face.mapping < 0) {
                continue; // nobody the client named
            }
            SourceFace source = mappings.isEmpty()
                    ? this.source
                    : mappings.get(face.mapping).source();
            swapped++;
            drawn.add(face);
            drawnWith.add(source);
            float[] shaped =
                    ShapeTransfer.destination(source.points(), face.landmarks().points(), SHAPE_TRANSFER);
            float[] points = ForeheadExtension.extend(shaped);
            if (redrawPredicted && face.predictedNow() && face.composed.redraw(points, frame, source, face.colour)) {
                redrawn++;
                continue;
            }
            FaceBlender.blend(source, points, frame, face.colour, multiBand, redrawPredicted ? face.composed : null);
        }
        return swapped;
    }

    /**
     * Matches the followed faces to the mappings: a face's identity is measured when it is new, every
     * {@link #IDENTITY_EVERY} frames and when any face's box changed look (two people may have swapped places; a cut
     * of the whole frame starts every face anew in {@link #process}),
     * on the frame as decoded (before any face is drawn on it), and the faces of the frame are matched together, so
     * two faces never take one mapping.
     */
    private void identify(Mat frame, long frameIndex) {
        boolean due = false;
        for (FollowedFace face : faces) {
            due |= face.cut(frame); // a face's box changed look, as at a cut the frame as a whole did not show
        }
        for (FollowedFace face : faces) {
            due |= face.identity == null || frameIndex - face.identityFrame >= IDENTITY_EVERY;
        }
        if (due) { // all of them: a stale identity beside a fresh one could take its mapping
            List<float[]> identities = finder.identities(
                    frame, faces.stream().map(FollowedFace::landmarks).toList());
            for (int i = 0; i < faces.size(); i++) {
                faces.get(i).identity = identities.get(i);
                faces.get(i).identityFrame = frameIndex;
                identityRuns++;
            }
            int[] match =
                    FaceIdentity.assign(faces.stream().map(f -> f.identity).toList(), references, threshold);
            for (int i = 0; i < match.length; i++) {
                faces.get(i).assign(match[i]);
            }
        }
    }

    /**
     * How much the faces drawn on the frame just processed look like the photos they were given: their mean
     * recognition similarity ({@link FaceEmbedder}) to those photos' faces, or NaN when none was drawn. Call right
     * after {@link #process} with the same frame. Costs one embedding per drawn face (a few ms): sample it.
     */
    public double swappedIdentity(Mat frame) {
        if (drawn.isEmpty()) {
            return Double.NaN;
        }
        List<float[]> now = finder.identities(
                frame, drawn.stream().map(FollowedFace::landmarks).toList());
        double sum = 0;
        for (int i = 0; i < drawn.size(); i++) {
            SourceFace photo = drawnWith.get(i);
            float[] wanted = sourceIdentities.computeIfAbsent(photo, p -> finder.identity(p.image(), p.faceInImage()));
            sum += FaceEmbedder.similarity(now.get(i), wanted);
        }

        return sum / drawn.size();
    }

    /** Identity measurements made so far (face mappings only). */
    public long identityRuns() {
        return identityRuns;
    }

    /** The mapping each followed face of the last frame was matched to (-1: none), in no particular order. */
    public List<Integer> lastMappings() {
        return faces.stream().map(f -> f.mapping).toList();
    }

    /**
     * Faces followed by the landmark model, faces whose landmarks were predicted instead, and predicted faces drawn
     * from the last one made ({@link ComposedFace}), so far.
     */
    public long[] followCounts() {
        return new long[] {landmarkRuns, predictions, redrawn};
    }

    /** The landmarks last used for each face, smoothed (for measuring jitter). */
    public List<FaceLandmarks> lastLandmarks() {
        return faces.stream().map(FollowedFace::landmarks).toList();
    }

    /**
     * Follows known faces by their landmarks (the mesh model says when a face is gone; a slow face's landmarks are
     * predicted on every other frame) and looks for new faces with the detectors every few frames only: detection
     * costs more than following.
     */
    private void locate(Mat frame, long frameIndex) {
        List<FollowedFace> next = new ArrayList<>();
        for (FollowedFace face : faces) {
            if (!overlapsAny(face.landmarks(), next) && face.predict(frame)) {
                predictions++;
                next.add(face);
                continue;
            }
            FaceLandmarks raw = finder.track(frame, face.landmarks());
            landmarkRuns++;
            if (raw != null && !overlapsAny(raw, next)) {
                face.measure(raw, frame);
                next.add(face);
            }
        }
        if (frameIndex - lastDetection >= DETECT_EVERY || next.isEmpty() && frameIndex - lastDetection >= 2) {
            lastDetection = frameIndex;
            boolean fullRange = next.isEmpty() || ++searchesSinceFullRange >= FULL_RANGE_EVERY;
            if (fullRange) {
                searchesSinceFullRange = 0;
            }
            for (Detection d : finder.detect(frame, fullRange)) {
                FaceLandmarks raw = overlapsAny(d, next) ? null : finder.fromDetection(frame, d);
                if (raw != null && !overlapsAny(raw, next)) {
                    next.add(new FollowedFace(raw, frame, smoothing));
                }
            }
        }
        List<FollowedFace> kept = largestOnly && next.size() > 1
                ? List.of(next.stream()
                        .max(Comparator.comparingDouble(f -> f.landmarks().interocular()))
                        .orElseThrow())
                : next;
        faces.stream().filter(f -> !kept.contains(f)).forEach(FollowedFace::close);
        next.stream().filter(f -> !kept.contains(f) && !faces.contains(f)).forEach(FollowedFace::close);
        faces = new ArrayList<>(kept);
    }

    private static boolean overlapsAny(FaceLandmarks face, List<FollowedFace> faces) {
        return overlapsAny(box(face), faces);
    }

    private static boolean overlapsAny(Detection d, List<FollowedFace> faces) {
        return faces.stream().anyMatch(f -> box(f.landmarks()).iou(d) > MATCH_IOU);
    }

    private static Detection box(FaceLandmarks f) {
        double[] b = f.bounds();
        return new Detection(b[0], b[1], b[2] - b[0], b[3] - b[1], 1, new double[12]);
    }

    @Override
    public void close() {
        faces.forEach(FollowedFace::close);
        FaceFinderPool.giveBack(finder);
    }
}
