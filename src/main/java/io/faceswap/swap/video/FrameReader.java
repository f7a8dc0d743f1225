package io.faceswap.swap.video;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a video's frames as upright BGR {@link Mat}s from a given frame on, in order. Frame numbers are
 * presentation order, so a range can start anywhere and is exact for variable frame rates too: the reader seeks to
 * the keyframe before the wanted frame's own pts (from the {@link FrameTimeline}), recognises the first picture
 * decoded after the seek by its pts, and decodes forward. If a seek lands past the frame, it decodes from the start.
 */
public final class FrameReader implements AutoCloseable {
    private final Path video;
    private final int threads;
    private final PictureConverter converter = new PictureConverter();
    private Decoder decoder;
    private Orientation orientation;
    private long position;

    /** @param decoderThreads 1 when several readers run in parallel, 0 to let FFmpeg choose */
    public FrameReader(Path video, long from, int decoderThreads) {
        this(video, from, decoderThreads, from > 0 ? FrameTimeline.read(video) : null);
    }

    /** As above, with the timeline the probe already built (saves one demuxing pass). */
    public FrameReader(Path video, long from, int decoderThreads, FrameTimeline timeline) {
        this.video = video;
        this.threads = decoderThreads;
        decoder = new Decoder(video, threads);
        orientation = Orientation.of(decoder.stream().codecpar());
        if (from > 0) {
            seek(from, timeline);
        }
        position = from;
    }

    private Mat pending;

    private void seek(long from, FrameTimeline timeline) {
        if (from >= timeline.frameCount()) {
            throw new CorruptVideoException("Cannot seek to frame " + from + " of " + timeline.frameCount());
        }
        if (decoder.seek(timeline.pts(from))) {
            AVFrame frame = decoder.next();
            if (frame != null && frame.best_effort_timestamp() != avutil.AV_NOPTS_VALUE) {
                long index = timeline.indexOf(frame.best_effort_timestamp());
                if (index <= from) {
                    skip(frame, index, from);
                    return;
                }
            }
        }
        // the container could not seek, or landed after the frame: decode from the start, counting
        decoder.close();
        decoder = new Decoder(video, threads);
        skip(decoder.next(), 0, from);
    }

    /** Decodes forward from {@code frame} (frame number {@code index}) and keeps frame {@code from} as pending. */
    private void skip(AVFrame frame, long index, long from) {
        while (frame != null && index < from) {
            frame = decoder.next();
            index++;
        }
        if (frame == null) {
            throw new CorruptVideoException("The video ends before frame " + from);
        }
        pending = orientation.apply(converter.convert(frame));
    }

    /** The next frame (the caller owns and closes it), or null at the end of the video. */
    public Mat next() {
        if (pending != null) {
            Mat frame = pending;
            pending = null;
            position++;
            return frame;
        }
        try {
            AVFrame frame = decoder.next();
            if (frame == null) {
                return null;
            }
            position++;
            return orientation.apply(converter.convert(frame));
        } catch (CorruptVideoException e) {
            throw new CorruptVideoException("The video cannot be decoded at frame " + position, e);
        }
    }

    /** The index of the frame that {@link #next()} returns next. */
    public long position() {
        return position;
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.close();
        }
        converter.close();
        decoder.close();
    }
}
