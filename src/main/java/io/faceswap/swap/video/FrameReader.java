package io.faceswap.swap.video;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a video's frames as BGR {@link Mat}s from a given frame on, in order. Seeking lands on the exact frame
 * (FFmpeg seeks to the keyframe before and decodes forward), so a range can start anywhere.
 */
public final class FrameReader implements AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private long position;

    /** @param decoderThreads 1 when several readers run in parallel, 0 to let FFmpeg choose */
    public FrameReader(Path video, long from, int decoderThreads) {
        FfmpegLog.install();
        grabber = new FFmpegFrameGrabber(video.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.setVideoOption("threads", Integer.toString(decoderThreads));
        VideoProbe.start(grabber);
        try {
            if (from > 0) {
                grabber.setVideoFrameNumber((int) from);
            }
        } catch (FrameGrabber.Exception e) {
            throw new CorruptVideoException("Cannot seek to frame " + from, e);
        }
        position = from;
    }

    /** The next frame (the caller owns and closes it), or null at the end of the video. */
    public Mat next() {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) {
                return null;
            }
            position++;
            return converter.convert(frame).clone(); // the grabber reuses its buffer for the next frame
        } catch (FrameGrabber.Exception e) {
            throw new CorruptVideoException("The video cannot be decoded at frame " + position, e);
        }
    }

    /** The index of the frame that {@link #next()} returns next. */
    public long position() {
        return position;
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // closing a reader that failed to decode: nothing left to release that close did not
        }
        converter.close();
    }
}
