package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.Remux;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Inputs phones and editors make: each is processed, with what it means for the result checked. */
class VideoFormatsTest {

    private static int centre(Mat frame, int x) {
        return frame.ptr(frame.rows() / 2, x).get(1) & 0xFF; // green channel of a grey patch
    }

    /**
     * Odd sizes reach the writer as odd frames; H.264 4:2:0 needs even ones, so one edge row and column are repeated.
     * (The input side cannot be crafted here: JavaCV's recorder itself rounds odd widths up, and scales; that is
     * where the 641x361 to 642x362 came from.)
     */
    @Test
    void oddSizesArePaddedByOneRepeatedEdge() throws Exception {
        VideoInfo info =
                new VideoInfo(161, 121, 25, 4, 4 / 25.0, "h264", 0, false, null, 0, Orientation.UPRIGHT, 1, null);
        Path segment = java.nio.file.Files.createDirectories(TestVideos.dir().resolve("odd"))
                .resolve("odd.mp4");
        try (Mat a = TestVideos.patches(161, 121, 40, 120, 200);
                Mat b = a.clone();
                Mat c = a.clone();
                Mat d = a.clone()) {
            SegmentWriter.write(segment, java.util.List.of(a, b, c, d), info);
        }
        VideoInfo o = VideoProbe.probe(segment, VideoLimits.DEFAULT);
        assertEquals(162, o.width());
        assertEquals(122, o.height());
        try (FrameReader r = new FrameReader(segment, 0, 1);
                Mat f = r.next()) {
            assertEquals(200, centre(f, 160), 8);
            assertEquals(200, centre(f, 161), 8); // the added column repeats the last one, nothing is scaled
            assertEquals(120, centre(f, 80), 8);
        }
    }

    @Test
    void fullRangeInputKeepsItsLevels() {
        Path in = TestVideos.write(
                "yuvj",
                160,
                120,
                25,
                5,
                false,
                TestVideos.Format.MP4,
                i -> TestVideos.patches(160, 120, 5, 128, 250),
                r -> r.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P));
        try (FrameReader r = new FrameReader(in, 0, 1);
                Mat f = r.next()) {
            assertEquals(5, centre(f, 26), 6);
            assertEquals(128, centre(f, 80), 6);
            assertEquals(250, centre(f, 133), 6);
        }
    }

    /** 10-bit BT.2020 PQ: 1000 nits comes out near white, 203 nits (reference white) bright but not clipped. */
    @Test
    void hdrIsToneMappedToSdr() {
        // grey 8-bit levels stored as 10-bit signal: 0.75 is about 1000 nits in PQ, 0.58 about 203 nits
        Path in = TestVideos.write(
                "hdr-pq",
                160,
                120,
                25,
                3,
                false,
                TestVideos.Format.MKV,
                i -> TestVideos.patches(160, 120, 38, 148, 191),
                r -> {
                    r.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
                    r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P10LE);
                    r.setVideoOption("color_trc", "smpte2084");
                    r.setVideoOption("color_primaries", "bt2020");
                    r.setVideoOption("colorspace", "bt2020nc");
                });
        try (FrameReader r = new FrameReader(in, 0, 1);
                Mat f = r.next()) {
            int dark = centre(f, 26);
            int reference = centre(f, 80);
            int peak = centre(f, 133);
            System.out.printf(
                    "PQ 10-bit to SDR: %d %d %d (a plain 8-bit read gives 38 148 191)%n", dark, reference, peak);
            assertTrue(peak >= 235, "1000 nits near white: " + peak);
            assertTrue(reference > 170 && reference < 220, "reference white: " + reference);
            assertTrue(dark < 60, "dark stays dark: " + dark);
        }
        assertEquals(
                3,
                VideoProbe.probe(Clips.identity(in, "hdr-pq"), VideoLimits.DEFAULT)
                        .frameCount());
    }

    /**
     * 10-bit BT.2020 HLG goes through the tone map: greys stay close to what an SDR reading gives (HLG is made to be
     * SDR compatible: reference white at 75% signal), the peak is near white, and a colour is brought from BT.2020
     * primaries into BT.709 (a clip identical but marked SDR keeps the 2020 values as they are).
     */
    @Test
    void hlgIsToneMappedToSdr() {
        int[] hlg = hlgClipPixels("arib-std-b67");
        int[] sdr = hlgClipPixels("bt2020-10");
        System.out.printf(
                "HLG 10-bit to SDR: greys %d %d %d %d, green patch BGR %d %d %d; marked SDR: greys %d %d %d "
                        + "%d, green %d %d %d%n",
                hlg[0], hlg[1], hlg[2], hlg[3], hlg[4], hlg[5], hlg[6], sdr[0], sdr[1], sdr[2], sdr[3], sdr[4], sdr[5],
                sdr[6]);
        assertTrue(hlg[3] >= 235, "1000 nits near white: " + hlg[3]);
        assertTrue(hlg[2] > 170 && hlg[2] < 220, "reference white: " + hlg[2]);
        assertTrue(hlg[0] < 60, "dark stays dark: " + hlg[0]);
        for (int i = 0; i < 4; i++) {
            assertEquals(sdr[i], hlg[i], 12, "grey " + i + " close to the SDR reading");
        }
        int saturationHlg = hlg[5] - Math.max(hlg[4], hlg[6]);
        int saturationSdr = sdr[5] - Math.max(sdr[4], sdr[6]);
        assertTrue(
                saturationHlg > saturationSdr + 10,
                "2020 green is more saturated in 709: " + saturationHlg + " vs " + saturationSdr);
    }

    /** Greys 38, 128, 191, 250 and a green patch, as 10-bit BT.2020 with the given transfer; what the reader gives. */
    private static int[] hlgClipPixels(String transfer) {
        Path in = TestVideos.write(
                "hdr-" + transfer,
                200,
                120,
                25,
                3,
                false,
                TestVideos.Format.MKV,
                i -> {
                    Mat frame = TestVideos.patches(200, 120, 38, 128, 191, 250, 0);
                    opencv_imgproc.rectangle(
                            frame,
                            new org.bytedeco.opencv.opencv_core.Point(160, 0),
                            new org.bytedeco.opencv.opencv_core.Point(199, 119),
                            new org.bytedeco.opencv.opencv_core.Scalar(60, 150, 60, 0),
                            -1,
                            8,
                            0);
                    return frame;
                },
                r -> {
                    r.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
                    r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P10LE);
                    r.setVideoOption("color_trc", transfer);
                    r.setVideoOption("color_primaries", "bt2020");
                    r.setVideoOption("colorspace", "bt2020nc");
                });
        try (FrameReader r = new FrameReader(in, 0, 1);
                Mat f = r.next()) {
            org.bytedeco.javacpp.BytePointer green = f.ptr(f.rows() / 2, 180);
            return new int[] {
                centre(f, 20),
                centre(f, 60),
                centre(f, 100),
                centre(f, 140),
                green.get(0) & 0xFF,
                green.get(1) & 0xFF,
                green.get(2) & 0xFF
            };
        }
    }

    /** The result says which matrix its pixels were converted with, so players do not guess BT.709 for HD. */
    @Test
    void theResultIsTaggedWithItsMatrixAndRange() throws Exception {
        Path in = TestVideos.write(
                "tagged",
                1280,
                720,
                25,
                3,
                false,
                TestVideos.Format.MP4,
                i -> TestVideos.patches(1280, 720, 40, 200),
                r -> {});
        Path out = Clips.identity(in, "tagged");
        try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(out.toFile())) {
            g.start();
            org.bytedeco.ffmpeg.avcodec.AVCodecParameters p =
                    g.getFormatContext().streams(g.getVideoStream()).codecpar();
            assertEquals(avutil.AVCOL_SPC_SMPTE170M, p.color_space(), "matrix");
            assertEquals(avutil.AVCOL_RANGE_MPEG, p.color_range(), "range");
            g.stop();
        }
    }

    /**
     * Untagged HD is read as BT.709, as players read it; untagged SD stays BT.601. The clip holds the BT.709 samples
     * of a green (the recorder converts with BT.601, so it is given the colour whose BT.601 samples those are).
     */
    @Test
    void untaggedHdIsReadAsBt709AndSdAsBt601() {
        double[] green = {60, 180, 60}; // B G R
        double[] fed = bt601Rgb(bt709Yuv(green));
        assertTrue(fed[1] > green[1] + 12, "the two readings must differ for this test to tell them apart");
        for (int[] size : new int[][] {{1280, 720}, {640, 360}}) {
            int w = size[0];
            int h = size[1];
            Path in = TestVideos.write(
                    "untagged-" + h,
                    w,
                    h,
                    25,
                    2,
                    false,
                    TestVideos.Format.MP4,
                    i -> new Mat(h, w, opencv_core.CV_8UC3, new Scalar(fed[0], fed[1], fed[2], 0)),
                    r -> r.setVideoOption("colorspace", "2")); // AVCOL_SPC_UNSPECIFIED
            try (FrameReader r = new FrameReader(in, 0, 1);
                    Mat f = r.next()) {
                org.bytedeco.javacpp.BytePointer p = f.ptr(h / 2, w / 2);
                int[] read = {p.get(0) & 0xFF, p.get(1) & 0xFF, p.get(2) & 0xFF};
                double[] expected = h >= 720 ? green : fed;
                System.out.printf(
                        "untagged %dx%d read as BGR %d %d %d (expected %.0f %.0f %.0f)%n",
                        w, h, read[0], read[1], read[2], expected[0], expected[1], expected[2]);
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[c], read[c], 4, w + "x" + h + " channel " + c);
                }
            }
        }
    }

    /** Y, Cb, Cr (unscaled) of a BGR colour with the BT.709 matrix. */
    private static double[] bt709Yuv(double[] bgr) {
        double y = 0.2126 * bgr[2] + 0.7152 * bgr[1] + 0.0722 * bgr[0];
        return new double[] {y, (bgr[0] - y) / 1.8556, (bgr[2] - y) / 1.5748};
    }

    /** The BGR colour whose BT.601 Y, Cb, Cr are the ones given. */
    private static double[] bt601Rgb(double[] yuv) {
        double r = yuv[0] + 1.402 * yuv[2];
        double b = yuv[0] + 1.772 * yuv[1];
        double g = (yuv[0] - 0.299 * r - 0.114 * b) / 0.587;
        return new double[] {b, g, r};
    }

    @Test
    void nonSquarePixelsKeepTheirAspectRatio() {
        Path in = TestVideos.write(
                "sar",
                160,
                120,
                25,
                5,
                true,
                TestVideos.Format.MP4,
                i -> TestVideos.patches(160, 120, 50, 100),
                r -> r.setAspectRatio(4 / 3.0));
        assertEquals(4 / 3.0, VideoProbe.probe(in, VideoLimits.DEFAULT).sampleAspectRatio(), 0.01);
        VideoInfo o = VideoProbe.probe(Clips.identity(in, "sar"), VideoLimits.DEFAULT);
        assertEquals(4 / 3.0, o.sampleAspectRatio(), 0.01);
    }

    @Test
    void oneFrameAndShorterThanOneChunk() {
        for (int frames : new int[] {1, 5}) {
            Path in = TestVideos.movingFace(
                    "short-" + frames, TestImages.ASTRONAUT, 160, 120, 25, frames, true, TestVideos.Format.MP4);
            VideoInfo o = VideoProbe.probe(Clips.identity(in, "short-" + frames), VideoLimits.DEFAULT);
            assertEquals(frames, o.frameCount());
            assertTrue(o.hasAudio());
        }
    }

    @Test
    void noAudio() {
        Path in = TestVideos.noFace("silent", 160, 120, 25, 20, false);
        VideoInfo o = VideoProbe.probe(Clips.identity(in, "silent"), VideoLimits.DEFAULT);
        assertFalse(o.hasAudio());
        assertEquals(20, o.frameCount());
    }

    @Test
    void ofSeveralAudioStreamsTheFirstIsKept() {
        Path base = TestVideos.noFace("multi-audio-base", 160, 120, 25, 50, true); // 2 s of audio
        Path longer = TestVideos.noFace("multi-audio-other", 160, 120, 25, 25, true); // 1 s
        Path in = Remux.remux(base, "multi-audio", null, 0, longer);
        assertEquals(2, Clips.streams(in, avutil.AVMEDIA_TYPE_AUDIO));
        Path out = Clips.identity(in, "multi-audio");
        assertEquals(1, Clips.streams(out, avutil.AVMEDIA_TYPE_AUDIO));
        assertEquals(2.0, VideoProbe.probe(out, VideoLimits.DEFAULT).audioDurationSeconds(), 0.1);
    }

    /** The result starts with the first video frame: the audio before it is cut, the rest stays in step. */
    @Test
    void videoStartingAfterTheAudio() {
        Path base = TestVideos.noFace("late-video-base", 160, 120, 25, 75, true); // 3 s
        Path in = Remux.remux(base, "late-video", null, 1_000_000);
        assertEquals(
                1.0, Clips.start(in, avutil.AVMEDIA_TYPE_VIDEO) - Clips.start(in, avutil.AVMEDIA_TYPE_AUDIO), 0.05);
        Path out = Clips.identity(in, "late-video");
        VideoInfo o = VideoProbe.probe(out, VideoLimits.DEFAULT);
        assertEquals(75, o.frameCount());
        assertEquals(2.0, o.audioDurationSeconds(), 0.1);
        assertEquals(
                0, Clips.start(out, avutil.AVMEDIA_TYPE_AUDIO) - Clips.start(out, avutil.AVMEDIA_TYPE_VIDEO), 0.05);
    }
}
