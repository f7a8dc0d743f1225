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
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes a block of frames as a self-contained H.264 MP4 segment (video only). Written to a temporary name and
 * renamed when complete, so a segment file is either whole or absent, and writing it again replaces it.
 */
public final class SegmentWriter {
    private SegmentWriter() {
    }

    public static void write(Path segment, List<Mat> frames, VideoInfo info) {
        FfmpegLog.install();
        Path partial = segment.resolveSibling(segment.getFileName() + ".partial.mp4");
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(partial.toFile(), info.width(), info.height(),
                     0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(info.frameRate());
            // libopenh264 (the bundled encoder) ignores x264 presets and defaults to 400 kb/s: set the rate
            recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, info.encodeBitrate()));
            recorder.setGopSize(Math.max(1, (int) Math.round(info.frameRate() * 2)));
            recorder.start();
            for (Mat frame : frames) {
                recorder.record(converter.convert(frame));
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
}
