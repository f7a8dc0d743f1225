package io.faceswap.swap.face;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a photo upright, after checking its size. The width and height come from the header ({@link ImageHeader})
 * before any pixel is decoded: a picture over the pixel limit, or of a format the header reader does not know, is
 * refused without spending memory on it. OpenCV's own EXIF handling is switched off
 * ({@code IMREAD_IGNORE_ORIENTATION}) and {@link ExifOrientation} turns the picture instead, so phone photos come out
 * upright whichever OpenCV version and call decodes them.
 */
final class PhotoDecoder {
    /** 40 megapixels: above any phone camera's photos (about 12-50 MP at most, 200 MP sensors bin to 12). */
    static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private static final String FORMATS = "JPEG, PNG, WebP, BMP";

    private PhotoDecoder() {}

    /**
     * @throws NotAnImageException   when the bytes are not an image of a known format or do not decode
     * @throws ImageTooLargeException when the header declares more than {@code maxPixels}
     */
    static Mat decode(byte[] bytes, long maxPixels) {
        if (bytes.length == 0) {
            throw new NotAnImageException("The photo is empty");
        }
        ImageHeader header = ImageHeader.read(bytes);
        if (header == null || header.width() <= 0 || header.height() <= 0) {
            throw new NotAnImageException("The photo is not an image this service can read (" + FORMATS + ")");
        }
        if (header.pixels() > maxPixels) {
            throw new ImageTooLargeException(String.format(
                    "The photo is %d x %d pixels (%.1f megapixels); at most %.1f megapixels are accepted",
                    header.width(), header.height(), header.pixels() / 1e6, maxPixels / 1e6));
        }
        Mat image;
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, data)) {
            image = opencv_imgcodecs.imdecode(
                    buffer, opencv_imgcodecs.IMREAD_COLOR | opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION);
        }
        if (image == null || image.empty()) {
            throw new NotAnImageException("The photo is not an image this service can read (" + FORMATS + ")");
        }
        return ExifOrientation.upright(image, ExifOrientation.of(bytes));
    }

    /**
     * The alpha channel of a picture that has one (a PNG with an alpha channel or a transparent palette entry), as
     * 8-bit, in the same orientation as {@link #decode} gives (only JPEG carries an EXIF orientation here); null when
     * it has none. Call after {@link #decode} accepted the bytes (its pixel cap holds).
     */
    static Mat alpha(byte[] bytes) {
        Mat all;
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, data)) {
            all = opencv_imgcodecs.imdecode(
                    buffer, opencv_imgcodecs.IMREAD_UNCHANGED | opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION);
        }
        try (Mat decoded = all) {
            if (decoded == null || decoded.empty() || (decoded.channels() != 4 && decoded.channels() != 2)) {
                return null;
            }
            Mat alpha = new Mat();
            opencv_core.extractChannel(decoded, alpha, decoded.channels() - 1);
            if (alpha.depth() != opencv_core.CV_8U) {
                Mat eight = new Mat();
                alpha.convertTo(eight, opencv_core.CV_8U, alpha.depth() == opencv_core.CV_16U ? 1 / 257.0 : 1, 0);
                alpha.close();
                alpha = eight;
            }
            return ExifOrientation.upright(alpha, ExifOrientation.of(bytes));
        }
    }
}
