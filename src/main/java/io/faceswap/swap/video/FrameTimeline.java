package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * When each frame is shown: frame index (presentation order) to pts in the video stream's time base, built from the
 * packets without decoding. It is how variable-frame-rate video stays exact: the reader seeks to a frame's own pts
 * and recognises frames by it, and the assembler gives every output frame its input frame's time.
 */
public final class FrameTimeline {
    private final long[] pts;
    private final long lastDuration;
    private final int tbNum;
    private final int tbDen;

    FrameTimeline(long[] pts, long lastDuration, int tbNum, int tbDen) {
        this.pts = pts;
        this.lastDuration = lastDuration;
        this.tbNum = tbNum;
        this.tbDen = tbDen;
    }

    /** Collects packet times one by one, in decode order. */
    static final class Builder {
        private long[] pts = new long[256];
        private int count;
        private long lastDuration;

        void add(AVPacket packet) {
            long t = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
            if (count == pts.length) {
                pts = Arrays.copyOf(pts, count * 2);
            }
            pts[count++] = t;
            lastDuration = packet.duration();
        }

        int count() {
            return count;
        }

        /** @param fallbackFps used when packets carry no times at all (then the frames are evenly spaced) */
        FrameTimeline build(int tbNum, int tbDen, double fallbackFps) {
            long[] sorted = Arrays.copyOf(pts, count);
            boolean timed = Arrays.stream(sorted).noneMatch(t -> t == avutil.AV_NOPTS_VALUE);
            long step = Math.max(1, Math.round(tbDen / (tbNum * fallbackFps)));
            if (!timed) {
                Arrays.setAll(sorted, i -> i * step);
            }
            Arrays.sort(sorted); // decode order to presentation order
            long last = lastDuration > 0
                    ? lastDuration
                    : count > 1 ? Math.max(1, (sorted[count - 1] - sorted[0]) / (count - 1)) : step;
            return new FrameTimeline(sorted, last, tbNum, tbDen);
        }
    }

    /** A packet outside the container's edit list: demuxed, but decoders drop it, so it is no frame. */
    static boolean discarded(AVPacket packet) {
        return (packet.flags() & org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD) != 0;
    }

    /** The timeline of a file's video stream (one demuxing pass). */
    public static FrameTimeline read(Path video) {
        try (PacketSource source = PacketSource.open(video, PacketSource.Kind.VIDEO)) {
            Builder builder = new Builder();
            AVPacket packet = av_packet_alloc();
            try {
                while (source.read(packet)) {
                    if (packet.size() > 0 && !discarded(packet)) {
                        builder.add(packet);
                    }
                    av_packet_unref(packet);
                }
            } finally {
                av_packet_free(packet);
            }
            var tb = source.stream().time_base();
            var rate = source.stream().avg_frame_rate();
            double fps = rate.num() > 0 && rate.den() > 0 ? rate.num() / (double) rate.den() : 25;
            return builder.build(tb.num(), tb.den(), fps);
        }
    }

    public int frameCount() {
        return pts.length;
    }

    /** Frame {@code index}'s pts, in the stream's time base. */
    public long pts(long index) {
        return pts[(int) index];
    }

    /** How long frame {@code index} is shown, in the stream's time base. */
    public long duration(long index) {
        return index + 1 < pts.length ? pts[(int) index + 1] - pts[(int) index] : lastDuration;
    }

    public int timeBaseNum() {
        return tbNum;
    }

    public int timeBaseDen() {
        return tbDen;
    }

    /** From the first frame's start to the last frame's end. */
    public double seconds() {
        return pts.length == 0 ? 0 : (pts[pts.length - 1] + lastDuration - pts[0]) * (double) tbNum / tbDen;
    }

    /** The index of the frame shown at {@code t} (the nearest frame time). */
    public long indexOf(long t) {
        int i = Arrays.binarySearch(pts, t);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        if (after == 0) {
            return 0;
        }
        if (after == pts.length) {
            return pts.length - 1;
        }
        return t - pts[after - 1] <= pts[after] - t ? after - 1 : after;
    }
}
