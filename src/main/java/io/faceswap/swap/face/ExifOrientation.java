package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The EXIF Orientation tag (0x0112) of a JPEG, read from its APP1 "Exif" segment, and the turn that makes the
 * picture upright. Phones store photos as the sensor saw them and say how to turn them in this tag. The photo is
 * decoded with OpenCV's own EXIF handling switched off and turned here, so the result does not depend on which
 * OpenCV call or version decodes it. Values: 1 upright, 2 mirrored, 3 upside down, 4 flipped vertically,
 * 5 transposed, 6 turned 90 degrees clockwise to display, 7 transverse, 8 turned 90 degrees anticlockwise.
 */
final class ExifOrientation {
    private ExifOrientation() {}

    /** The tag's value (1-8), or 1 when the bytes are not a JPEG, have no EXIF, or the value is out of range. */
    static int of(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            int length = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return 1; // image data starts: EXIF would have come before
            }
            if (marker == 0xE1
                    && length >= 8
                    && i + 2 + length <= b.length
                    && b[i + 4] == 'E'
                    && b[i + 5] == 'x'
                    && b[i + 6] == 'i'
                    && b[i + 7] == 'f') {
                return tiff(b, i + 10, i + 2 + length);
            }
            i += 2 + length;
        }
        return 1;
    }

    /** Searches IFD0 of the TIFF structure at {@code start} (bounded by {@code end}) for tag 0x0112. */
    private static int tiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(b, start + 4, little);
        if (ifd < 8 || start + ifd + 2 > end) {
            return 1;
        }
        int at = (int) (start + ifd);
        int entries = u16(b, at, little);
        for (int e = 0; e < entries; e++) {
            int entry = at + 2 + 12 * e;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little); // type SHORT, count 1: value in the first 2 bytes
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** Turns {@code image} upright for the orientation; returns it as is for 1, else a new Mat (input closed). */
    static Mat upright(Mat image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        Mat out = new Mat();
        switch (orientation) {
            case 2 -> opencv_core.flip(image, out, 1);
            case 3 -> opencv_core.rotate(image, out, opencv_core.ROTATE_180);
            case 4 -> opencv_core.flip(image, out, 0);
            case 5 -> opencv_core.transpose(image, out);
            case 6 -> opencv_core.rotate(image, out, opencv_core.ROTATE_90_CLOCKWISE);
            case 7 -> {
                opencv_core.transpose(image, out);
                opencv_core.flip(out, out, -1);
            }
            default -> opencv_core.rotate(image, out, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
        }
        image.close();
        return out;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little
                ? u16(b, i, true) | (long) u16(b, i + 2, true) << 16
                : (long) u16(b, i, false) << 16 | u16(b, i + 2, false);
    }
}
