package io.faceswap.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.face.FaceEmbedder;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceIdentity;
import io.faceswap.swap.face.FaceMapping;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.QualityFigures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.testing.TwoPeopleClip;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Face mappings on a two-person clip made from the two test photos: the astronaut on the left and Grace Hopper on the
 * right, who swap places at a cut ({@link #CUT}). Only the people named are swapped, each with their own photo, and
 * the others' half of the frame is what a pass that swaps nothing gives.
 */
class FaceMappingVideoTest {
    private static final int W = 640, H = 360, FRAMES = 90;
    /** Not at a worker's range boundary (45 with two workers), where every face is looked at anew anyway. */
    private static final int CUT = 60;

    static final FaceFinder finder = TestFinder.shared();
    static TwoPeopleClip people;
    static Path clip, untouched;
    static float[] astronautId, hopperId;
    static SourceFace hopperPhoto, astronautPhoto;

    @BeforeAll
    static void setUp() {
        people = TwoPeopleClip.write("mapping-two-people", W, H, FRAMES, CUT);
        clip = people.file();
        untouched = swap("mapping-none", () -> FrameProcessor.IDENTITY);
        try (Mat a = TestImages.load(TestImages.ASTRONAUT);
                Mat h = TestImages.load(TestImages.GRACE_HOPPER)) {
            astronautId = finder.largestIdentity(a);
            hopperId = finder.largestIdentity(h);
        }
        hopperPhoto = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder);
        astronautPhoto = SourceFace.fromFile(TestImages.file(TestImages.ASTRONAUT), finder);
    }

    @AfterAll
    static void close() {
        hopperPhoto.close();
        astronautPhoto.close();
    }

    @Test
    void oneMappingSwapsOnlyThatPersonThroughACut() {
        Path out = swap(
                "mapping-one",
                () -> new FaceSwapper(
                        List.of(new FaceMapping(astronautId, hopperPhoto)), FaceIdentity.DEFAULT_THRESHOLD, false));
        double worstOther = Double.MAX_VALUE, meanOther = 0, meanMapped = 0;
        double[] toSource = new double[2], toOriginal = new double[2]; // before (untouched), after (swapped)
        int judged = 0, closerToSource = 0;
        try (FrameReader done = new FrameReader(out, 0, 1);
                FrameReader plain = new FrameReader(untouched, 0, 1)) {
            for (int i = 0; i < FRAMES; i++) {
                try (Mat a = done.next();
                        Mat b = plain.next()) {
                    boolean astronautLeft = i < CUT;
                    double psnr = psnr(half(a, !astronautLeft), half(b, !astronautLeft));
                    meanMapped += psnr(half(a, astronautLeft), half(b, astronautLeft)) / FRAMES;
                    worstOther = Math.min(worstOther, psnr);
                    meanOther += psnr / FRAMES;
                    if (i % 5 == 2) {
                        float[] before = identityIn(b, astronautLeft), after = identityIn(a, astronautLeft);
                        toSource[0] += FaceEmbedder.similarity(before, hopperId);
                        toOriginal[0] += FaceEmbedder.similarity(before, astronautId);
                        double s = FaceEmbedder.similarity(after, hopperId);
                        double o = FaceEmbedder.similarity(after, astronautId);
                        toSource[1] += s;
                        toOriginal[1] += o;
                        judged++;
                        closerToSource += s > o ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf(
                "QUALITY mapping: unmapped person's half vs a no-swap pass: PSNR min %.1f dB, mean %.1f dB (mapped"
                        + " person's half: mean %.1f dB; %d frames,"
                        + " cut at %d); mapped face, similarity to the source photo %.3f -> %.3f, to the original person"
                        + " %.3f -> %.3f; closer to the source on %d of %d judged frames%n",
                worstOther,
                meanOther,
                meanMapped,
                FRAMES,
                CUT,
                toSource[0] / judged,
                toSource[1] / judged,
                toOriginal[0] / judged,
                toOriginal[1] / judged,
                closerToSource,
                judged);
        QualityFigures.check("mapping.unmapped-half.psnr-min", worstOther);
        QualityFigures.check("mapping.unmapped-half.psnr-mean", meanOther);
        QualityFigures.check("mapping.mapped-face.after", toSource[1] / judged);
        // codec noise: both passes encode the same frames but for the mapped face, and the encoder's rate control
        // spends bits differently across the whole picture (lowest in the segment after the cut, about 35 dB)
        assertTrue(worstOther > 33 && meanOther > 40, "the person not named was changed: " + worstOther + " dB");
        assertTrue(closerToSource >= 0.95 * judged, closerToSource + " of " + judged + " closer to the source");
        assertTrue(meanMapped < meanOther - 10, "the mapped person was not changed: " + meanMapped + " dB");
        assertTrue(toSource[1] / judged > toSource[0] / judged + 0.1, "the swapped face did not move to the source");
        assertTrue(toOriginal[1] / judged < toOriginal[0] / judged - 0.1, "the swapped face stayed the original");
    }

    @Test
    void twoMappingsSwapBothPeopleEachWithTheirPhoto() {
        Path out = swap(
                "mapping-two",
                () -> new FaceSwapper(
                        List.of(new FaceMapping(astronautId, hopperPhoto), new FaceMapping(hopperId, astronautPhoto)),
                        FaceIdentity.DEFAULT_THRESHOLD,
                        false));
        int judged = 0, right = 0;
        try (FrameReader done = new FrameReader(out, 0, 1)) {
            for (int i = 0; i < FRAMES; i++) {
                try (Mat a = done.next()) {
                    if (i % 5 != 2) {
                        continue;
                    }
                    boolean astronautLeft = i < CUT;
                    // where the astronaut was, Hopper's photo went, and the other way round
                    float[] wasAstronaut = identityIn(a, astronautLeft), wasHopper = identityIn(a, !astronautLeft);
                    judged += 2;
                    right += FaceEmbedder.similarity(wasAstronaut, hopperId)
                                    > FaceEmbedder.similarity(wasAstronaut, astronautId)
                            ? 1
                            : 0;
                    right += FaceEmbedder.similarity(wasHopper, astronautId)
                                    > FaceEmbedder.similarity(wasHopper, hopperId)
                            ? 1
                            : 0;
                }
            }
        }
        System.out.printf(
                "QUALITY mapping: two mappings, %d of %d judged faces closer to their mapped photo%n", right, judged);
        assertTrue(right >= judged * 0.95, right + " of " + judged);
    }

    @Test
    void aReferenceNobodyMatchesSwapsNothing() {
        {
            // an identity no face has (a unit vector along one axis)
            float[] nobody = new float[FaceEmbedder.DIMENSIONS];
            nobody[0] = 1;
            try (FaceSwapper swapper = new FaceSwapper(
                    List.of(new FaceMapping(nobody, hopperPhoto)), FaceIdentity.DEFAULT_THRESHOLD, false)) {
                long swapped = 0;
                try (FrameReader in = new FrameReader(clip, 0, 1)) {
                    for (int i = 0; i < 20; i++) {
                        try (Mat frame = in.next()) {
                            swapped += swapper.process(frame, i);
                        }
                    }
                }
                assertEquals(0, swapped);
                assertTrue(swapper.identityRuns() >= 2, "the faces were not looked at");
                try (Mat frame = TestImages.load(TestImages.ASTRONAUT)) {
                    assertTrue(Double.isNaN(swapper.swappedIdentity(frame)), "nothing drawn, nothing measured");
                }
            }
        }
    }

    @Test
    void theDrawnFacesIdentityIsMeasuredAgainstTheirPhotos() {
        try (FaceSwapper swapper = new FaceSwapper(
                        List.of(new FaceMapping(astronautId, hopperPhoto), new FaceMapping(hopperId, astronautPhoto)),
                        FaceIdentity.DEFAULT_THRESHOLD,
                        false);
                FrameReader in = new FrameReader(clip, 0, 1);
                Mat frame = in.next()) {
            assertEquals(2, swapper.process(frame, 0));
            double identity = swapper.swappedIdentity(frame);
            System.out.printf("QUALITY mapping: both faces drawn, their similarity to their photos %.3f%n", identity);
            QualityFigures.check("mapping.both-faces.identity", identity);
            assertTrue(identity > 0.6, "each drawn face looks like its photo: " + identity);
        }
    }

    private static Path swap(String name, Supplier<FrameProcessor> processors) {
        Path out = TestVideos.dir().resolve(name + ".mp4");
        VideoSwapper.swapFile(clip, out, processors, 2, 30, VideoLimits.DEFAULT, (d, t) -> {});
        return out;
    }

    /** The identity of the face in one half of a frame. */
    private static float[] identityIn(Mat frame, boolean left) {
        float[] id = people.identityIn(finder, frame, left);
        assertTrue(id != null, "no face in the " + (left ? "left" : "right") + " half");
        return id;
    }

    private static Mat half(Mat frame, boolean left) {
        return people.half(frame, left);
    }

    private static double psnr(Mat a, Mat b) {
        try (a;
                b) {
            return Measures.psnr(a, b);
        }
    }
}
