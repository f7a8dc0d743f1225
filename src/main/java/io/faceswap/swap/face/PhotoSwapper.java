package io.faceswap.swap.face;

import io.faceswap.swap.VisibleLabel;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Swaps the source face onto the faces of one still picture (a photo task's target) and encodes the result: a PNG
 * for a PNG input, with its alpha channel kept, a JPEG (quality {@link #JPEG_QUALITY}) for any other format.
 * <p>
 * The target is read as the source photo is ({@link PhotoDecoder}: pixel cap from the header before any decode, EXIF
 * orientation, so the result is upright and carries no orientation tag), and its largest face gets the source
 * photo's checks ({@link SourceChecks}: at least 60 px cheek to cheek, turned at most 35 degrees), each failure with
 * a code of its own ({@link TargetPhotoException}). Every other face that passes the same checks is swapped too
 * (only the largest with {@code largestOnly}); smaller or turned ones are left as they are. Each face is drawn once,
 * as a video's first frame would be: no smoothing, its own colour correction.
 */
public final class PhotoSwapper {
    static final int JPEG_QUALITY = 95;

    /** The encoded picture and what was done to it. */
    /** {@code identity}: the swapped faces' mean recognition similarity to their photos (NaN when none). */
    public record Result(
            byte[] bytes, String extension, int width, int height, int faces, boolean alphaKept, double identity) {
        public String contentType() {
            return extension.equals("png") ? "image/png" : "image/jpeg";
        }
    }

    private PhotoSwapper() {}

    /**
     * @param target     the target photo's bytes as downloaded
     * @param maxPixels  the pixel cap (header width x height)
     * @param visibleLabel draw the visible AI-generated mark after the swap
     * @throws TargetPhotoException with the code of the first check the target fails
     */
    public static Result swap(
            SourceFace source,
            byte[] target,
            FaceFinder finder,
            long maxPixels,
            boolean largestOnly,
            boolean multiBand,
            boolean visibleLabel) {
        return swap(source, List.of(), 0, target, finder, maxPixels, largestOnly, multiBand, visibleLabel);
    }

    /**
     * As above; with {@code mappings}, only the faces recognised as a mapping's person ({@link FaceIdentity}, at
     * {@code threshold}) are swapped, each with its mapping's photo, and a photo where none is found throws
     * {@link NoMappedFaceException}.
     */
    public static Result swap(
            SourceFace source,
            List<FaceMapping> mappings,
            double threshold,
            byte[] target,
            FaceFinder finder,
            long maxPixels,
            boolean largestOnly,
            boolean multiBand,
            boolean visibleLabel) {
        ImageHeader header = ImageHeader.read(target);
        boolean png = header != null && header.format().equals("PNG");
        Mat picture;
        try {
            picture = PhotoDecoder.decode(target, maxPixels);
        } catch (ImageTooLargeException e) {
            throw new TargetPhotoException(TargetPhotoException.TOO_LARGE, target(e.getMessage()));
        } catch (NotAnImageException e) {
            throw new TargetPhotoException(TargetPhotoException.NOT_AN_IMAGE, target(e.getMessage()));
        }
        try (Mat bgr = picture;
                Mat alpha = png ? PhotoDecoder.alpha(target) : null) {
            List<FaceLandmarks> found = finder.find(bgr);
            List<SourceFace> sources = new ArrayList<>();
            List<float[]> faces = mappings.isEmpty()
                    ? faces(found, largestOnly, source, sources)
                    : mapped(found, bgr, finder, mappings, threshold, sources);
            for (int i = 0; i < faces.size(); i++) {
                SourceFace from = sources.get(i);
                float[] points = ForeheadExtension.extend(
                        ShapeTransfer.destination(from.points(), faces.get(i), FaceSwapper.SHAPE_TRANSFER));
                try (ColorTransfer colour = new ColorTransfer()) {
                    FaceBlender.blend(from, points, bgr, colour, multiBand);
                }
            }
            double identity = identity(bgr, faces, sources, finder);
            if (visibleLabel) {
                VisibleLabel.draw(bgr); // after the swap, as on a video's frames
            }
            byte[] bytes = png ? encodePng(bgr, alpha) : encodeJpeg(bgr);
            return new Result(
                    bytes, png ? "png" : "jpg", bgr.cols(), bgr.rows(), faces.size(), alpha != null, identity);
        }
    }

    /** The drawn faces' mean recognition similarity to the photos they were given. */
    private static double identity(Mat bgr, List<float[]> faces, List<SourceFace> sources, FaceFinder finder) {
        double sum = 0;
        for (int i = 0; i < faces.size(); i++) {
            SourceFace photo = sources.get(i);
            float[] wanted = finder.identity(photo.image(), photo.faceInImage());
            sum += FaceEmbedder.similarity(finder.identity(bgr, new FaceLandmarks(faces.get(i))), wanted);
        }
        return faces.isEmpty() ? Double.NaN : sum / faces.size();
    }

    static List<float[]> faces(List<FaceLandmarks> found, boolean largestOnly) {
        return faces(found, largestOnly, null, new ArrayList<>());
    }

    /**
     * The faces recognised as a mapping's person, each with that mapping's photo added to {@code sources}; one that
     * fails the source checks is left as it is. Every face is measured before any is drawn on.
     */
    private static List<float[]> mapped(
            List<FaceLandmarks> found,
            Mat bgr,
            FaceFinder finder,
            List<FaceMapping> mappings,
            double threshold,
            List<SourceFace> sources) {
        List<float[]> identities = finder.identities(bgr, found);
        int[] who = FaceIdentity.assign(
                identities, mappings.stream().map(FaceMapping::reference).toList(), threshold);
        List<float[]> kept = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (who[i] < 0) {
                continue;
            }
            try {
                SourceChecks.check(found.get(i).points());
                kept.add(found.get(i).points());
                sources.add(mappings.get(who[i]).source());
            } catch (SourceFaceTooSmallException | SourceFaceTurnedException e) {
                // recognised, but too small or turned to draw well: left as it is, as an unchecked face would be
            }
        }
        if (kept.isEmpty()) {
            throw new NoMappedFaceException(
                    "None of the mapped people was found in the target photo (" + found.size() + " face(s) in it)");
        }
        return kept;
    }

    /** The faces to swap, largest first: the largest must pass the checks, the others are skipped if they fail. */
    private static List<float[]> faces(
            List<FaceLandmarks> found, boolean largestOnly, SourceFace source, List<SourceFace> sources) {
        if (found.isEmpty()) {
            throw new TargetPhotoException(TargetPhotoException.NO_FACE, "No face was found in the target photo");
        }
        List<float[]> kept = new ArrayList<>();
        for (FaceLandmarks face : found) {
            try {
                SourceChecks.check(face.points());
                kept.add(face.points());
                sources.add(source);
            } catch (SourceFaceTooSmallException e) {
                if (kept.isEmpty()) { // the largest face
                    throw new TargetPhotoException(TargetPhotoException.FACE_TOO_SMALL, target(e.getMessage()));
                }
            } catch (SourceFaceTurnedException e) {
                if (kept.isEmpty()) {
                    throw new TargetPhotoException(TargetPhotoException.FACE_TURNED, target(e.getMessage()));
                }
            }
            if (largestOnly) {
                break;
            }
        }
        return kept;
    }

    /** The source checks' messages say "the photo"; here it is the target photo that is meant. */
    private static String target(String message) {
        return message.replace("The photo", "The target photo").replace("the photo", "the target photo");
    }

    private static byte[] encodeJpeg(Mat bgr) {
        try (IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            return encode(".jpg", bgr, params);
        }
    }

    private static byte[] encodePng(Mat bgr, Mat alpha) {
        if (alpha == null) {
            return encode(".png", bgr, null);
        }
        try (Mat bgra = new Mat();
                MatVector planes = new MatVector()) {
            opencv_core.split(bgr, planes);
            planes.push_back(alpha);
            opencv_core.merge(planes, bgra);
            return encode(".png", bgra, null);
        }
    }

    private static byte[] encode(String extension, Mat image, IntPointer params) {
        try (BytePointer out = new BytePointer()) {
            boolean ok = params == null
                    ? opencv_imgcodecs.imencode(extension, image, out)
                    : opencv_imgcodecs.imencode(extension, image, out, params);
            if (!ok) {
                throw new IllegalStateException("Cannot encode the result as " + extension);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
