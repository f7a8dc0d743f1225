package io.faceswap.swap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** The committed test photos (see src/test/resources/faces/SOURCE.md). */
public final class TestImages {
    public static final String ASTRONAUT = "faces/astronaut.png";
    public static final String GRACE_HOPPER = "faces/grace_hopper_512x512.jpg";

    private TestImages() {}

    public static Path file(String resource) {
        try (InputStream in = TestImages.class.getClassLoader().getResourceAsStream(resource)) {
            Path dir = Files.createDirectories(Path.of("target", "test-media"));
            Path out = dir.resolve(Path.of(resource).getFileName());
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Mat load(String resource) {
        return opencv_imgcodecs.imread(file(resource).toString());
    }

    public static void save(Mat image, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-output"));
            opencv_imgcodecs.imwrite(dir.resolve(name).toString(), image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Mat image, Path file) {
        opencv_imgcodecs.imwrite(file.toString(), image);
    }

    /** PNG signature, a valid IHDR (8-bit RGB) with its CRC, and IEND: no pixel data at all. */
    public static byte[] pngHeader(int width, int height) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17)
                .put("IHDR".getBytes())
                .putInt(width)
                .putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0})
                .array();
        chunk(out, ihdr);
        chunk(out, "IEND".getBytes());
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, byte[] typeAndData) {
        out.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt(typeAndData.length - 4).array());
        out.writeBytes(typeAndData);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeAndData);
        out.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
