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

    private TestImages() {
    }

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
}
