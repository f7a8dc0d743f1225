package io.faceswap.swap.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes a block of frames as a self-contained H.264 MP4 segment (video only). Written to a temporary name and
 * renamed when complete, so a segment file is either whole or absent, and writing it again replaces it.
 * <p>
 * Frames are written evenly spaced at the average rate; {@link SegmentAssembler} gives each its input frame's own
 * time. No B-frames, so packet order is frame order. Odd sizes: H.264 4:2:0 (the only kind the bundled libopenh264
 * writes) can neither store nor crop to an odd width or height, so such a frame is padded by one row or column
 * repeating its edge (641x361 is written as 642x362, all input pixels kept, nothing scaled); an even frame is
 * encoded as it is, without a copy. Non-square pixels keep their sample aspect ratio.
 */
public final class SegmentWriter {
    private SegmentWriter() {}

    public static void write(Path segment, List<Mat> frames, VideoInfo info) {
        FfmpegLog.install();
        Path partial = segment.resolveSibling(segment.getFileName() + ".partial.mp4");
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(partial.toFile(), even(info.width()), even(info.height()), 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(info.frameRate());
            // libopenh264 (the bundled encoder) ignores x264 presets and defaults to 400 kb/s: set the rate
            recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, info.encodeBitrate()));
            recorder.setGopSize(Math.max(1, (int) Math.round(info.frameRate() * 2)));
            recorder.setMaxBFrames(0);
            // Say which matrix the pixels were converted with (JavaCV's swscale default, BT.601) and their range:
            // untagged, players take HD video as BT.709, and reds and greens shift.
            recorder.setVideoOption("colorspace", "smpte170m");
            recorder.setVideoOption("color_range", "tv");
            if (Math.abs(info.sampleAspectRatio() - 1) > 1e-3) {
                recorder.setAspectRatio(info.sampleAspectRatio());
            }
            recorder.start();
            for (Mat frame : frames) {
                if (encodableAsIs(frame)) { // most videos: encoded as they are, without a copy (0.27 ms a 720p frame)
                    recorder.record(converter.convert(frame));
                    continue;
                }
                try (Mat even = padToEven(frame)) {
                    recorder.record(converter.convert(even));
                }
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("Encoding a segment failed: " + e.getMessage(), e);
        }
        try {
            Files.move(partial, segment, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete segment " + segment, e);
        }
    }

    static int even(int size) {
        return size + (size & 1);
    }

    /** Even in both sizes, and one block of memory as decoded frames are (anything else is copied, as before). */
    private static boolean encodableAsIs(Mat frame) {
        return (frame.cols() & 1) == 0 && (frame.rows() & 1) == 0 && frame.isContinuous();
    }

    /** A new Mat: the frame with its last column and/or row repeated once. */
    private static Mat padToEven(Mat frame) {
        Mat out = new Mat();
        opencv_core.copyMakeBorder(frame, out, 0, frame.rows() & 1, 0, frame.cols() & 1, opencv_core.BORDER_REPLICATE);
        return out;
    }
}
