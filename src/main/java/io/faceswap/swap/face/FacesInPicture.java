package io.faceswap.swap.face;

import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.Trim;
import io.faceswap.swap.video.VideoInfo;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The faces of one picture as a client chooses among them (issue 25, the detect-then-map flow): each face's box, a
 * small JPEG of it to show, and its identity ({@link FaceEmbedder}), which a face mapping can use instead of a
 * reference photo. Largest first, at most {@link #MAX_FACES}.
 */
public final class FacesInPicture {
    public static final int MAX_FACES = 20;
    /** The crop's longest side, in pixels: enough to recognise a person in a picker, small inline. */
    static final int CROP_SIDE = 128;

    static final int JPEG_QUALITY = 85;

    /** A face: its box in the picture's pixels, its identity (a unit vector) and the crop as JPEG bytes. */
    public record Found(int x, int y, int width, int height, float[] identity, byte[] jpeg) {}

    /** The faces of a video at one second (the frame on screen then). */
    public record AtSecond(double second, List<Found> faces) {}

    /** A second asked for at or past the video's end: the caller's mistake, not the video's. */
    public static final class PastTheEndException extends RuntimeException {
        PastTheEndException(String message) {
            super(message);
        }
    }

    private FacesInPicture() {}

    /**
     * The faces of a photo, read as a source photo is (pixel cap from its header, EXIF orientation).
     *
     * @throws NotAnImageException    when it does not decode as an image
     * @throws ImageTooLargeException when its header declares more pixels than {@code maxPixels}
     */
    public static List<Found> inPhoto(byte[] photo, FaceFinder finder, long maxPixels) {
        try (Mat bgr = PhotoDecoder.decode(photo, maxPixels)) {
            return find(bgr, finder);
        }
    }

    /**
     * The faces of a video at each of {@code seconds} (from its first frame), upright as its frames are swapped.
     *
     * @throws io.faceswap.swap.SwapException the probe's codes for a video it cannot use; a second at or past the
     *     end is a {@link PastTheEndException} naming it
     */
    public static List<AtSecond> inVideo(Path video, List<Double> seconds, FaceFinder finder, VideoLimits limits) {
        VideoInfo info = VideoProbe.probe(video, limits);
        List<AtSecond> found = new ArrayList<>();
        for (double second : seconds) {
            if (second >= info.durationSeconds()) {
                throw new PastTheEndException(
                        "second " + second + " is at or past the video's end (" + info.durationSeconds() + " s)");
            }
            long frame = Trim.of(second, null).frames(info.timeline()).first();
            try (FrameReader reader = new FrameReader(video, frame, 1, info.timeline());
                    Mat bgr = reader.next()) {
                found.add(new AtSecond(second, bgr == null ? List.of() : find(bgr, finder)));
            }
        }
        return found;
    }

    public static List<Found> find(Mat bgr, FaceFinder finder) {
        List<FaceLandmarks> faces = finder.find(bgr);
        List<Found> found = new ArrayList<>();
        List<FaceLandmarks> kept = faces.subList(0, Math.min(MAX_FACES, faces.size()));
        List<float[]> identities = finder.identities(bgr, kept);
        for (int i = 0; i < kept.size(); i++) {
            int[] box = box(kept.get(i), bgr.cols(), bgr.rows());
            found.add(new Found(box[0], box[1], box[2], box[3], identities.get(i), crop(bgr, box)));
        }
        return found;
    }

    /** The mesh's bounds, widened by a fifth on each side (it stops at the brow), inside the picture. */
    static int[] box(FaceLandmarks face, int width, int height) {
        double[] b = face.bounds();
        double padX = (b[2] - b[0]) * 0.2, padY = (b[3] - b[1]) * 0.2;
        int x0 = clamp(b[0] - padX, width), y0 = clamp(b[1] - padY, height);
        int x1 = clamp(b[2] + padX, width), y1 = clamp(b[3] + padY, height);
        return new int[] {x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)};
    }

    private static int clamp(double v, int limit) {
        return (int) Math.max(0, Math.min(limit - 1, Math.round(v)));
    }

    private static byte[] crop(Mat bgr, int[] box) {
        double scale = Math.min(1.0, CROP_SIDE / (double) Math.max(box[2], box[3]));
        try (Rect r = new Rect(box[0], box[1], box[2], box[3]);
                Mat view = new Mat(bgr, r);
                Mat small = new Mat();
                Size size = new Size(
                        Math.max(1, (int) Math.round(box[2] * scale)), Math.max(1, (int) Math.round(box[3] * scale)));
                IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
                BytePointer out = new BytePointer()) {
            opencv_imgproc.resize(view, small, size, 0, 0, opencv_imgproc.INTER_AREA);
            if (!opencv_imgcodecs.imencode(".jpg", small, out, params)) {
                throw new IllegalStateException("Cannot encode a face crop");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
