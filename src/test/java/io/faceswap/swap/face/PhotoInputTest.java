package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Measures;
import io.faceswap.swap.testing.TestFinder;
import io.faceswap.swap.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** Photos as they come: sizes read from headers, a pixel cap before decoding, EXIF orientation honoured. */
class PhotoInputTest {
    static final FaceFinder finder = TestFinder.shared();

    @Test
    void headersGiveTheSizeOfEveryFormat() {
        try (Mat photo = TestImages.load(TestImages.ASTRONAUT);
                Rect r = new Rect(0, 0, 321, 123);
                Mat odd = new Mat(photo, r).clone()) {
            for (String ext : new String[] {".png", ".jpg", ".webp", ".bmp"}) {
                ImageHeader h = ImageHeader.read(encode(odd, ext));
                assertEquals(321, h.width(), ext);
                assertEquals(123, h.height(), ext);
            }
        }
        // headers crafted by hand: GIF, extended WebP (VP8X), and a JPEG whose frame header follows an APP1 segment
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', (byte) 0x41, 0x01, 0x7B, 0x00};
        assertEquals(new ImageHeader("GIF", 321, 123), ImageHeader.read(gif));
        byte[] vp8x = new byte[30];
        System.arraycopy("RIFF\0\0\0\0WEBPVP8X".getBytes(), 0, vp8x, 0, 16);
        vp8x[24] = 0x1F; // 0x4E1F + 1 = 20000
        vp8x[25] = 0x4E;
        vp8x[27] = 0x1F;
        vp8x[28] = 0x4E;
        assertEquals(new ImageHeader("WebP", 20_000, 20_000), ImageHeader.read(vp8x));
        byte[] jpeg = {
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xFF,
            (byte) 0xE1,
            0,
            4,
            0,
            0,
            (byte) 0xFF,
            (byte) 0xC2,
            0,
            11,
            8,
            0x75,
            0x30,
            0x75,
            0x30,
            3
        };
        assertEquals(new ImageHeader("JPEG", 30_000, 30_000), ImageHeader.read(jpeg));
        assertEquals(null, ImageHeader.read("hello, I am text".getBytes()));
        assertEquals(null, ImageHeader.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    }

    /** A 20000 x 20000 PNG (400 megapixels) whose file is a few dozen bytes: refused from the header alone. */
    @Test
    void aHugePngIsRefusedBeforeDecoding() throws Exception {
        Path file =
                Files.write(dir().resolve("huge.png"), io.faceswap.swap.testing.TestImages.pngHeader(20_000, 20_000));
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> SourceFace.fromFile(file, finder));
        assertEquals("IMAGE_TOO_LARGE", e.errorCode());
        assertTrue(e.getMessage().contains("20000 x 20000"), e.getMessage());
        System.out.println("Refused: " + e.getMessage() + " (file of " + Files.size(file) + " bytes)");
        // a header-only PNG within the limit gets as far as the decoder, which finds no pixel data
        Path small =
                Files.write(dir().resolve("header-only.png"), io.faceswap.swap.testing.TestImages.pngHeader(200, 100));
        assertThrows(NotAnImageException.class, () -> SourceFace.fromFile(small, finder));
    }

    /**
     * For each EXIF orientation, the photo is stored turned the other way and tagged: decoded, it must equal the
     * upright photo. Big- and little-endian EXIF both occur (Canon/Nikon vs most phones).
     */
    @Test
    void exifOrientationIsHonoured() throws Exception {
        try (Mat upright = TestImages.load(TestImages.GRACE_HOPPER);
                Rect r = new Rect(0, 0, 512, 400);
                Mat photo = new Mat(upright, r).clone();
                Mat reference = decodeJpeg(encode(photo, ".jpg"))) {
            for (int o = 1; o <= 8; o++) {
                Mat stored = ExifOrientation.upright(photo.clone(), inverse(o));
                byte[] jpeg = withExif(encode(stored, ".jpg"), o, o % 2 == 0);
                stored.close();
                assertEquals(o, ExifOrientation.of(jpeg));
                try (Mat decoded = PhotoDecoder.decode(jpeg, PhotoDecoder.DEFAULT_MAX_PIXELS);
                        Mat plain = decodeJpeg(jpeg)) {
                    assertEquals(512, decoded.cols(), "orientation " + o);
                    double psnr = Measures.psnr(reference, decoded);
                    assertTrue(psnr > 30, "orientation " + o + ": PSNR " + psnr);
                    System.out.printf(
                            "EXIF %d: upright PSNR %.1f dB; OpenCV imdecode(IMREAD_COLOR) alone gives" + " %dx%d%n",
                            o, psnr, plain.cols(), plain.rows());
                }
            }
            Path sideways = Files.write(
                    dir().resolve("sideways.jpg"),
                    withExif(encode(ExifOrientation.upright(photo.clone(), 8), ".jpg"), 6, false));
            try (SourceFace face = SourceFace.fromFile(sideways, finder)) {
                FaceLandmarks f = face.landmarks();
                double dx = f.x(263) - f.x(33), dy = f.y(263) - f.y(33);
                assertTrue(Math.abs(dy) < Math.abs(dx) * 0.2, "eyes level in the upright photo");
            }
        }
    }

    /** The orientation whose turn undoes orientation {@code o}'s (all are their own inverse but 6 and 8). */
    private static int inverse(int o) {
        return o == 6 ? 8 : o == 8 ? 6 : o;
    }

    static byte[] encode(Mat image, String ext) {
        try (BytePointer out = new BytePointer()) {
            opencv_imgcodecs.imencode(ext, image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    private static Mat decodeJpeg(byte[] bytes) {
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, opencv_core.CV_8UC1, data)) {
            return opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR);
        }
    }

    /** The JPEG with an APP1 Exif segment holding one IFD entry, Orientation, inserted after SOI. */
    static byte[] withExif(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(
                littleEndian ? new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0} : new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(u16(1, littleEndian)); // one entry
        tiff.writeBytes(u16(0x0112, littleEndian)); // Orientation
        tiff.writeBytes(u16(3, littleEndian)); // SHORT
        tiff.writeBytes(littleEndian ? new byte[] {1, 0, 0, 0} : new byte[] {0, 0, 0, 1}); // count 1
        tiff.writeBytes(u16(orientation, littleEndian));
        tiff.writeBytes(new byte[] {0, 0, 0, 0, 0, 0}); // value padding, next IFD 0
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.writeBytes(u16(2 + 6 + body.length, false));
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(body);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] u16(int v, boolean little) {
        return little ? new byte[] {(byte) v, (byte) (v >> 8)} : new byte[] {(byte) (v >> 8), (byte) v};
    }

    private static Path dir() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "test-media"));
    }
}
