package io.faceswap.swap.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Who gets which photo: the face whose identity ({@link FaceEmbedder}) matches {@code reference} is given
 * {@code source}. Immutable; share between workers.
 *
 * @param reference the identity vector of the person to replace
 * @param source    the face to put on them
 */
public record FaceMapping(float[] reference, SourceFace source) {

    /**
     * The identity of the largest face of a reference photo, read as a source photo is (EXIF orientation, pixel
     * limit).
     *
     * @throws NotAnImageException    when the file does not decode as an image
     * @throws ImageTooLargeException when its header declares more pixels than the limit
     * @throws NoFaceInImageException when no face is found in it
     */
    public static float[] referenceFrom(Path photo, FaceFinder finder, long maxPixels) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(photo);
        } catch (IOException e) {
            throw new NotAnImageException("The reference photo cannot be read: " + e.getMessage());
        }
        try (Mat image = PhotoDecoder.decode(bytes, maxPixels)) {
            return finder.largestIdentity(image);
        }
    }
}
