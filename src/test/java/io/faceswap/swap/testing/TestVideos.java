package io.faceswap.swap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Test clips made on the spot: moving and zooming crops of the photos, two faces, no face; with or without audio. */
public final class TestVideos {

    /** Container and codec of a clip. */
    public enum Format {
        MP4("mp4", avcodec.AV_CODEC_ID_H264, avcodec.AV_CODEC_ID_AAC),
        MKV("matroska", avcodec.AV_CODEC_ID_H264, avcodec.AV_CODEC_ID_AAC),
        MOV("mov", avcodec.AV_CODEC_ID_H264, avcodec.AV_CODEC_ID_AAC),
        AVI("avi", avcodec.AV_CODEC_ID_MPEG4, avcodec.AV_CODEC_ID_PCM_S16LE),
        WEBM("webm", avcodec.AV_CODEC_ID_VP9, avcodec.AV_CODEC_ID_OPUS);

        final String container;
        final int video;
        final int audio;

        Format(String container, int video, int audio) {
            this.container = container;
            this.video = video;
            this.audio = audio;
        }

        public String extension() {
            return this == MKV ? "mkv" : name().toLowerCase();
        }
    }

    private TestVideos() {}

    public static Path dir() {
        try {
            return Files.createDirectories(Path.of("target", "test-media"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photo, moving sideways and zooming in and out, centred in a w x h frame. */
    public static Path movingFace(
            String name, String photo, int w, int h, double fps, int frames, boolean audio, Format format) {
        try (Mat image = TestImages.load(photo)) {
            return write(name, w, h, fps, frames, audio, format, i -> {
                double t = (double) i / Math.max(1, frames - 1);
                double scale = h / (double) image.rows() * (1.0 + 0.25 * Math.sin(Math.PI * t));
                double dx = w / 2.0 - image.cols() * scale / 2 + w * 0.08 * Math.sin(2 * Math.PI * t);
                double dy = h / 2.0 - image.rows() * scale * 0.35;
                return place(image, w, h, scale, dx, dy);
            });
        }
    }

    /**
     * A close-up, as in talking-head and phone videos: the photo's face, found by the engine's own finder, fills
     * {@code faceShare} of the frame height (landmark extent, chin to upper forehead) and sways a little.
     */
    public static Path closeUp(String name, String photo, int w, int h, double fps, int frames, double faceShare) {
        try (Mat image = TestImages.load(photo);
                io.faceswap.swap.face.FaceFinder finder = new io.faceswap.swap.face.FaceFinder()) {
            double[] b = finder.find(image).get(0).bounds();
            double scale = faceShare * h / (b[3] - b[1]);
            double cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
            return write(name, w, h, fps, frames, true, Format.MP4, i -> {
                double t = (double) i / Math.max(1, frames - 1);
                double s = scale * (1.0 + 0.04 * Math.sin(2 * Math.PI * t));
                return place(image, w, h, s, w / 2.0 - cx * s + w * 0.03 * Math.sin(2 * Math.PI * t), h / 2.0 - cy * s);
            });
        }
    }

    /** A still camera on the photo: the same frame every time (for jitter). */
    public static Path stillFace(String name, String photo, int w, int h, double fps, int frames) {
        try (Mat image = TestImages.load(photo)) {
            double scale = h / (double) image.rows();
            return write(
                    name,
                    w,
                    h,
                    fps,
                    frames,
                    false,
                    Format.MP4,
                    i -> place(image, w, h, scale, w / 2.0 - image.cols() * scale / 2, 0));
        }
    }

    /** Both photos side by side. */
    public static Path twoFaces(String name, int w, int h, double fps, int frames) {
        try (Mat a = TestImages.load(TestImages.ASTRONAUT);
                Mat b = TestImages.load(TestImages.GRACE_HOPPER)) {
            return write(name, w, h, fps, frames, true, Format.MP4, i -> {
                Mat frame = place(a, w, h, h / (double) a.rows(), w / 4.0 - h / 2.0 + i * 0.5, 0);
                try (Mat right = place(b, w, h, h / (double) b.rows(), 3 * w / 4.0 - h / 2.0 - i * 0.5, 0);
                        Mat half = new Mat(frame, new org.bytedeco.opencv.opencv_core.Rect(w / 2, 0, w / 2, h));
                        Mat rightHalf = new Mat(right, new org.bytedeco.opencv.opencv_core.Rect(w / 2, 0, w / 2, h))) {
                    rightHalf.copyTo(half);
                }
                return frame;
            });
        }
    }

    /** Moving colour bands and a frame counter: no face anywhere. */
    public static Path noFace(String name, int w, int h, double fps, int frames, boolean audio) {
        return write(name, w, h, fps, frames, audio, Format.MP4, i -> {
            Mat frame = new Mat(h, w, opencv_core.CV_8UC3, new Scalar(40, 80, 120, 0));
            for (int band = 0; band < 6; band++) {
                int x = (band * w / 6 + i * 4) % w;
                opencv_imgproc.rectangle(
                        frame,
                        new Point(x, 0),
                        new Point(x + w / 12, h),
                        new Scalar(30 * band, 255 - 30 * band, 90, 0),
                        -1,
                        8,
                        0);
            }
            opencv_imgproc.putText(
                    frame,
                    "frame " + i,
                    new Point(20, h / 2),
                    opencv_imgproc.FONT_HERSHEY_SIMPLEX,
                    1.2,
                    new Scalar(255, 255, 255, 0),
                    2,
                    8,
                    false);
            return frame;
        });
    }

    /**
     * An AVI whose video stream names a codec no decoder knows: an MPEG-4 clip with its FourCC ("FMP4") renamed.
     * The container reads fine; the codec cannot be decoded.
     */
    public static Path unknownCodec(String name) {
        Path avi = noFace(name + "-source", 160, 120, 10, 10, false);
        Path mpeg4 = write(name + "-mpeg4", 160, 120, 10, 10, false, Format.AVI, i -> {
            try (Mat m = TestImages.load(TestImages.ASTRONAUT)) {
                Mat small = new Mat();
                opencv_imgproc.resize(m, small, new Size(160, 120));
                return small;
            }
        });
        try {
            byte[] bytes = Files.readAllBytes(mpeg4);
            byte[] from = "FMP4".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i + 4 <= bytes.length; i++) {
                if (bytes[i] == from[0]
                        && bytes[i + 1] == from[1]
                        && bytes[i + 2] == from[2]
                        && bytes[i + 3] == from[3]) {
                    bytes[i] = 'Z';
                    bytes[i + 1] = 'Z';
                    bytes[i + 2] = 'Z';
                    bytes[i + 3] = 'Z';
                }
            }
            Files.deleteIfExists(avi);
            return Files.write(dir().resolve(name + ".avi"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uniform grey patches side by side, one per level: for checking colour range and tone mapping. */
    public static Mat patches(int w, int h, int... levels) {
        Mat frame = new Mat(h, w, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0));
        for (int i = 0; i < levels.length; i++) {
            int l = levels[i];
            opencv_imgproc.rectangle(
                    frame,
                    new Point(i * w / levels.length, 0),
                    new Point((i + 1) * w / levels.length - 1, h - 1),
                    new Scalar(l, l, l, 0),
                    -1,
                    8,
                    0);
        }
        return frame;
    }

    /** {@code image} scaled by {@code scale} and shifted by (dx, dy) into a w x h grey frame. */
    public static Mat place(Mat image, int w, int h, double scale, double dx, double dy) {
        Mat frame = new Mat(h, w, opencv_core.CV_8UC3, new Scalar(60, 60, 60, 0));
        try (Mat m = new Mat(2, 3, opencv_core.CV_64F);
                Size size = new Size(w, h)) {
            ((java.nio.DoubleBuffer) m.createBuffer()).put(new double[] {scale, 0, dx, 0, scale, dy});
            opencv_imgproc.warpAffine(
                    image,
                    frame,
                    m,
                    size,
                    opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_CONSTANT,
                    new Scalar(60, 60, 60, 0));
        }
        return frame;
    }

    /** Writes frames made by {@code frame} (closed after use), with a 440 Hz tone when {@code audio}. */
    public static Path write(
            String name, int w, int h, double fps, int frames, boolean audio, Format format, IntFunction<Mat> frame) {
        return write(name, w, h, fps, frames, audio, format, frame, r -> {});
    }

    /** As above; {@code tune} changes the recorder before it starts (codec, pixel format, rotation, options). */
    public static Path write(
            String name,
            int w,
            int h,
            double fps,
            int frames,
            boolean audio,
            Format format,
            IntFunction<Mat> frame,
            java.util.function.Consumer<FFmpegFrameRecorder> tune) {
        return write(name, w, h, fps, frames, audio ? TONE : null, format, frame, tune);
    }

    /** Sample rate of the clips' mono audio. */
    public static final int AUDIO_RATE = 48_000;

    /** The default sound: a 440 Hz tone. */
    public static final java.util.function.LongUnaryOperator TONE =
            s -> (long) (8000 * Math.sin(2 * Math.PI * 440 * s / AUDIO_RATE));

    /**
     * As above, with the audio's samples (mono, {@value #AUDIO_RATE} Hz, sample index to a 16-bit value) given by
     * {@code sound}; null for no audio.
     */
    public static Path write(
            String name,
            int w,
            int h,
            double fps,
            int frames,
            java.util.function.LongUnaryOperator sound,
            Format format,
            IntFunction<Mat> frame,
            java.util.function.Consumer<FFmpegFrameRecorder> tune) {
        boolean audio = sound != null;
        Path file = dir().resolve(name + "." + format.extension());
        int rate = AUDIO_RATE;
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), w, h, audio ? 1 : 0)) {
            recorder.setFormat(format.container);
            recorder.setVideoCodec(format.video);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(w * h * 4);
            // what the recorder's conversion really uses; untagged, a reader takes HD for BT.709 (tune may untag it)
            recorder.setVideoOption("colorspace", "smpte170m");
            if (audio) {
                recorder.setAudioCodec(format.audio);
                recorder.setSampleRate(rate);
                recorder.setAudioBitrate(96_000);
            }
            tune.accept(recorder);
            recorder.start();
            long samplesWritten = 0;
            for (int i = 0; i < frames; i++) {
                try (Mat m = frame.apply(i)) {
                    recorder.record(converter.convert(m));
                }
                if (audio) {
                    long until = Math.round((i + 1) * rate / fps);
                    short[] tone = new short[(int) (until - samplesWritten)];
                    for (int s = 0; s < tone.length; s++) {
                        tone[s] = (short) sound.applyAsLong(samplesWritten + s);
                    }
                    samplesWritten = until;
                    recorder.recordSamples(rate, 1, ShortBuffer.wrap(tone));
                }
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("Cannot write test clip " + file, e);
        }
        return file;
    }
}
