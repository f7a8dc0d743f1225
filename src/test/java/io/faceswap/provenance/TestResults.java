package io.faceswap.provenance;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Results of every kind, made as the service makes them: photos written by ImageIO, MP4s by the video pipeline. */
final class TestResults {
    private TestResults() {}

    enum Kind {
        JPEG("jpg"),
        PNG("png"),
        MP4_WITH_AUDIO("mp4"),
        MP4_WITHOUT_AUDIO("mp4");

        final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    /** A fresh, unmarked result of {@code kind} in {@code dir}. */
    static Path make(Kind kind, Path dir) {
        Path file = dir.resolve(kind.name().toLowerCase() + "-" + System.nanoTime() + "." + kind.extension);
        try {
            switch (kind) {
                case JPEG, PNG -> photo(kind == Kind.JPEG ? "jpeg" : "png", file);
                case MP4_WITH_AUDIO, MP4_WITHOUT_AUDIO -> {
                    boolean audio = kind == Kind.MP4_WITH_AUDIO;
                    Path clip = TestVideos.noFace("provenance-" + audio, 320, 240, 25, 30, audio);
                    VideoSwapper.swapFile(
                            clip, file, () -> FrameProcessor.IDENTITY, 1, 16, VideoLimits.DEFAULT, (d, t) -> {});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void photo(String format, Path file) throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 80, 120));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.ORANGE);
        g.fillOval(60, 40, 200, 160);
        g.dispose();
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("No ImageIO writer for " + format);
        }
    }

    /** A copy of {@code file} with one byte of its media data (the pictures, not the metadata) changed. */
    static Path tampered(Path file, Kind kind) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = switch (kind) {
            case JPEG -> bytes.length - 40; // entropy-coded scan data, before EOI
            case PNG -> indexOf(bytes, "IDAT") + 8;
            case MP4_WITH_AUDIO, MP4_WITHOUT_AUDIO -> indexOf(bytes, "mdat") + 100;
        };
        bytes[at] ^= 0x01;
        Path copy = file.resolveSibling("tampered-" + file.getFileName());
        Files.write(copy, bytes);
        return copy;
    }

    static int indexOf(byte[] data, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("No " + ascii);
    }
}
