package io.faceswap.swap.testing;

import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceLandmarks;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A clip of two people made from the two test photos (issue 25): the astronaut in the left half and Grace Hopper in
 * the right, drifting a little, who swap places at a cut. Shared by the engine's and the API's face-mapping tests.
 */
public record TwoPeopleClip(Path file, int width, int height, int frames, int cut) {

    /** Writes the clip (an MP4 with audio, 30 fps) under {@link TestVideos#dir()}. */
    public static TwoPeopleClip write(String name, int width, int height, int frames, int cut) {
        try (Mat a = TestImages.load(TestImages.ASTRONAUT);
                Mat h = TestImages.load(TestImages.GRACE_HOPPER)) {
            Path file = TestVideos.write(name, width, height, 30, frames, true, TestVideos.Format.MP4, i -> {
                boolean astronautLeft = i < cut;
                Mat frame = TestVideos.place(
                        astronautLeft ? a : h,
                        width,
                        height,
                        height / (double) a.rows(),
                        width / 4.0 - height / 2.0 + i * 0.3,
                        0);
                try (Mat other = TestVideos.place(
                                astronautLeft ? h : a,
                                width,
                                height,
                                height / (double) h.rows(),
                                3 * width / 4.0 - height / 2.0 - i * 0.3,
                                0);
                        Mat target = half(frame, false, width, height);
                        Mat source = half(other, false, width, height)) {
                    source.copyTo(target);
                }
                return frame;
            });
            return new TwoPeopleClip(file, width, height, frames, cut);
        }
    }

    /** Whether the astronaut is in the left half of frame {@code i}. */
    public boolean astronautLeft(long i) {
        return i < cut;
    }

    /** One half of a frame of this clip's size (a view: close it, not the frame). */
    public Mat half(Mat frame, boolean left) {
        return half(frame, left, width, height);
    }

    private static Mat half(Mat frame, boolean left, int width, int height) {
        return new Mat(frame, new Rect(left ? 0 : width / 2, 0, width / 2, height));
    }

    /** The identity of the face in one half of a frame, or null when none is found there. */
    public float[] identityIn(FaceFinder finder, Mat frame, boolean left) {
        try (Mat view = half(frame, left);
                Mat half = view.clone()) {
            List<FaceLandmarks> faces = finder.find(half);
            return faces.isEmpty() ? null : finder.identity(half, faces.get(0));
        }
    }
}
