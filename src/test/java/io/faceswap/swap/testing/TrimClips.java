package io.faceswap.swap.testing;

import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Clips for the trim tests, whose frames and sound can be told apart after a round trip: each frame carries its own
 * index as 8 black or white squares along its bottom edge (far from the face), and the audio is silent but for a
 * 5 ms click at a known time.
 */
public final class TrimClips {
    static final int BITS = 8;
    private static final int BLOCK = 24;

    private TrimClips() {}

    /**
     * A portrait phone clip as a phone stores it: the astronaut photo at 288x384 upright, written sideways (384x288)
     * with a 90-degree display matrix; 25 fps, {@code frames} frames, a keyframe every 12 frames, and a click at
     * {@code clickSeconds}.
     */
    public static Path phoneClip(String name, int frames, double clickSeconds) {
        Mat upright = new Mat();
        try (Mat photo = TestImages.load(TestImages.ASTRONAUT)) {
            opencv_imgproc.resize(photo, upright, new Size(288, 384));
        }
        try {
            return TestVideos.write(
                    name,
                    384,
                    288,
                    25,
                    frames,
                    click(clickSeconds),
                    TestVideos.Format.MP4,
                    i -> {
                        Mat frame = upright.clone();
                        mark(frame, i);
                        Mat stored = new Mat();
                        opencv_core.rotate(frame, stored, opencv_core.ROTATE_90_CLOCKWISE);
                        frame.close();
                        return stored;
                    },
                    r -> {
                        r.setDisplayRotation(90);
                        r.setGopSize(12);
                    });
        } finally {
            upright.close();
        }
    }

    /** Silence with a 5 ms burst of a 1 kHz tone starting at {@code seconds}. */
    public static java.util.function.LongUnaryOperator click(double seconds) {
        long from = Math.round(seconds * TestVideos.AUDIO_RATE);
        long to = from + TestVideos.AUDIO_RATE / 200;
        return s -> s >= from && s < to
                ? (long) (20_000 * Math.sin(2 * Math.PI * 1000 * (s - from) / TestVideos.AUDIO_RATE))
                : 0;
    }

    /** Draws {@code index} in binary along the bottom edge of an upright frame. */
    public static void mark(Mat frame, int index) {
        int y = frame.rows() - BLOCK - 8;
        for (int bit = 0; bit < BITS; bit++) {
            int level = ((index >> bit) & 1) == 1 ? 235 : 16;
            opencv_imgproc.rectangle(
                    frame,
                    new Point(8 + bit * (BLOCK + 4), y),
                    new Point(8 + bit * (BLOCK + 4) + BLOCK - 1, y + BLOCK - 1),
                    new Scalar(level, level, level, 0),
                    -1,
                    8,
                    0);
        }
    }

    /** The index {@link #mark} drew on an upright frame (read from the middle of each square). */
    public static int index(Mat frame) {
        int y = frame.rows() - BLOCK - 8;
        int index = 0;
        for (int bit = 0; bit < BITS; bit++) {
            try (Mat inner = new Mat(frame, new Rect(8 + bit * (BLOCK + 4) + 6, y + 6, BLOCK - 12, BLOCK - 12))) {
                if (opencv_core.mean(inner).get(0) > 128) {
                    index |= 1 << bit;
                }
            }
        }
        return index;
    }

    /**
     * When the loudest sample of the file's audio plays, in seconds from its first video frame (as a player plays
     * them: by the streams' timestamps).
     */
    public static double clickSeconds(Path file) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            double firstVideo = Double.NaN;
            double peak = -1;
            double peakAt = Double.NaN;
            Frame f;
            while ((f = g.grab()) != null) {
                if (f.image != null && Double.isNaN(firstVideo)) {
                    firstVideo = f.timestamp / 1e6;
                }
                if (f.samples != null) {
                    Buffer b = f.samples[0];
                    int n = b.limit();
                    for (int i = 0; i < n; i++) {
                        double v = b instanceof FloatBuffer fb
                                ? Math.abs(fb.get(i))
                                : b instanceof ShortBuffer sb ? Math.abs(sb.get(i)) / 32768.0 : 0;
                        if (v > peak) {
                            peak = v;
                            peakAt = f.timestamp / 1e6 + (double) i / f.audioChannels / f.sampleRate;
                        }
                    }
                }
            }
            g.stop();
            return peakAt - firstVideo;
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The frames (presentation order) that are keyframes. */
    public static List<Integer> keyframes(Path file) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            List<long[]> packets = new ArrayList<>(); // pts, key
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.stream_index() == g.getVideoStream() && p.size() > 0) {
                    packets.add(new long[] {p.pts(), (p.flags() & avcodec.AV_PKT_FLAG_KEY) != 0 ? 1 : 0});
                }
                avcodec.av_packet_unref(p);
            }
            g.stop();
            packets.sort((a, b) -> Long.compare(a[0], b[0]));
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < packets.size(); i++) {
                if (packets.get(i)[1] == 1) {
                    keys.add(i);
                }
            }
            return keys;
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
