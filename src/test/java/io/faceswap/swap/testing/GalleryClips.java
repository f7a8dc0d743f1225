package io.faceswap.swap.testing;

import io.faceswap.swap.face.FaceFinder;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * The README gallery's input clips and its small PNGs (run by {@code src/docs/gallery/make-gallery.sh}).
 * <ul>
 * <li>{@code clips DIR}: {@code DIR/frontal.mp4}, the astronaut photo as it is (512x512, a still camera), and
 * {@code DIR/phone-portrait.mp4}, a portrait phone clip: framed upright at 360x640 around the astronaut's face, stored
 * sideways as 640x360 with a 90-degree display matrix, as phones write it.</li>
 * <li>{@code shrink IN.png OUT.png WIDTH}: scales a {@code --snapshot} pair to WIDTH and writes it as a 256-colour
 * PNG (palette from k-means, no dithering), so the README's images stay small.</li>
 * </ul>
 * Deterministic: same photos, same clips, same palette.
 */
public final class GalleryClips {
    private GalleryClips() {}

    public static void main(String[] args) throws IOException {
        // exec:exec passes bench.args as one argument
        String[] a = args.length == 1 ? args[0].trim().split("\\s+") : args;
        switch (a[0]) {
            case "clips" -> clips(Path.of(a[1]));
            case "shrink" -> shrink(Path.of(a[1]), Path.of(a[2]), Integer.parseInt(a[3]));
            default -> throw new IllegalArgumentException("usage: clips DIR | shrink IN.png OUT.png WIDTH");
        }
    }

    static void clips(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path frontal = TestVideos.stillFace("gallery-frontal", TestImages.ASTRONAUT, 512, 512, 25, 50);
        Files.move(frontal, dir.resolve("frontal.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(
                phonePortrait(), dir.resolve("phone-portrait.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("clips: " + dir.resolve("frontal.mp4") + " " + dir.resolve("phone-portrait.mp4"));
    }

    /** 2 s at 30 fps; the face fills about a third of the height and sways a little, as a hand-held phone does. */
    static Path phonePortrait() {
        int w = 360, h = 640, frames = 60;
        try (Mat photo = TestImages.load(TestImages.ASTRONAUT);
                FaceFinder finder = new FaceFinder()) {
            double[] b = finder.find(photo).get(0).bounds();
            double cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
            // at least big enough to cover the frame around the face, so no border shows
            double scale = Math.max(
                    0.33 * h / (b[3] - b[1]), Math.max(w / 2.0 / Math.min(cx, photo.cols() - cx), h * 0.36 / cy));
            return TestVideos.write(
                    "gallery-phone-portrait",
                    h,
                    w,
                    30,
                    frames,
                    true,
                    TestVideos.Format.MP4,
                    i -> {
                        double t = (double) i / (frames - 1);
                        double s = scale * (1.0 + 0.03 * Math.sin(2 * Math.PI * t));
                        Mat upright = new Mat(h, w, opencv_core.CV_8UC3);
                        try (Mat m = new Mat(2, 3, opencv_core.CV_64F);
                                Size size = new Size(w, h)) {
                            ((java.nio.DoubleBuffer) m.createBuffer()).put(new double[] {
                                s, 0, w / 2.0 - cx * s + w * 0.03 * Math.sin(2 * Math.PI * t), 0, s, h * 0.36 - cy * s
                            });
                            opencv_imgproc.warpAffine(
                                    photo,
                                    upright,
                                    m,
                                    size,
                                    opencv_imgproc.INTER_LINEAR,
                                    opencv_core.BORDER_REPLICATE,
                                    new org.bytedeco.opencv.opencv_core.Scalar());
                        }
                        Mat stored = new Mat();
                        opencv_core.rotate(upright, stored, opencv_core.ROTATE_90_CLOCKWISE); // as the sensor wrote it
                        upright.close();
                        return stored;
                    },
                    r -> r.setDisplayRotation(90));
        }
    }

    static void shrink(Path in, Path out, int width) throws IOException {
        try (Mat src = opencv_imgcodecs.imread(in.toString());
                Mat small = new Mat()) {
            if (src.empty()) {
                throw new IOException("cannot read " + in);
            }
            int height = (int) Math.round(src.rows() * (double) width / src.cols());
            opencv_imgproc.resize(src, small, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
            byte[] bgr = new byte[width * height * 3];
            small.data().get(bgr);
            ImageIO.write(indexed(bgr, width, height, palette(small)), "png", out.toFile());
            System.out.printf("gallery: %s %dx%d %d bytes%n", out, width, height, Files.size(out));
        }
    }

    /** 256 colours by k-means, with a fixed seed (OpenCV's default RNG state) and initial centres. */
    private static float[][] palette(Mat bgr) {
        try (Mat samples = new Mat();
                Mat labels = new Mat();
                Mat centres = new Mat();
                Mat sample = new Mat()) {
            // trained on every other pixel of every other row: the same colours, a quarter of the work
            opencv_imgproc.resize(
                    bgr, sample, new Size(bgr.cols() / 2, bgr.rows() / 2), 0, 0, opencv_imgproc.INTER_NEAREST);
            sample.reshape(1, (int) sample.total()).convertTo(samples, opencv_core.CV_32F);
            opencv_core.setRNGSeed(1);
            opencv_core.kmeans(
                    samples,
                    256,
                    labels,
                    new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 20, 0.5),
                    1,
                    opencv_core.KMEANS_PP_CENTERS,
                    centres);
            float[][] p = new float[256][3];
            try (org.bytedeco.javacpp.indexer.FloatIndexer c = centres.createIndexer()) {
                for (int i = 0; i < 256; i++) {
                    for (int j = 0; j < 3; j++) {
                        p[i][j] = c.get(i, j);
                    }
                }
            }
            return p;
        }
    }

    private static BufferedImage indexed(byte[] bgr, int w, int h, float[][] p) {
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) Math.round(Math.min(255, Math.max(0, p[i][0])));
            g[i] = (byte) Math.round(Math.min(255, Math.max(0, p[i][1])));
            r[i] = (byte) Math.round(Math.min(255, Math.max(0, p[i][2])));
        }
        BufferedImage image =
                new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
        byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        java.util.Map<Integer, Byte> cache = new java.util.HashMap<>();
        for (int i = 0; i < w * h; i++) {
            int pb = bgr[3 * i] & 0xff, pg = bgr[3 * i + 1] & 0xff, pr = bgr[3 * i + 2] & 0xff;
            pixels[i] = cache.computeIfAbsent((pb << 16) | (pg << 8) | pr, k -> {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int j = 0; j < 256; j++) {
                    double d = sq(pb - p[j][0]) + sq(pg - p[j][1]) + sq(pr - p[j][2]);
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                return (byte) best;
            });
        }
        return image;
    }

    private static double sq(double x) {
        return x * x;
    }
}
