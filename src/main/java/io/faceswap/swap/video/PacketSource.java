package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/** The packets of one stream (the best video or audio stream) of a file, demuxed without decoding. */
final class PacketSource implements AutoCloseable {
    enum Kind {
        VIDEO,
        AUDIO
    }

    private final AVFormatContext context;
    private final int streamIndex;

    private PacketSource(AVFormatContext context, int streamIndex) {
        this.context = context;
        this.streamIndex = streamIndex;
    }

    /** @return the source, or null when the file has no stream of that kind */
    static PacketSource openOptional(Path file, Kind kind) {
        AVFormatContext context = MediaOpen.open(file);
        if (context == null) {
            throw new NotAVideoException("The file is not a video this service can read");
        }
        SegmentAssembler.check(avformat_find_stream_info(context, (PointerPointer<?>) null), "probe " + file);
        int type = kind == Kind.VIDEO ? avutil.AVMEDIA_TYPE_VIDEO : avutil.AVMEDIA_TYPE_AUDIO;
        int index = first(context, type);
        if (index < 0) {
            avformat_close_input(context);
            return null;
        }
        return new PacketSource(context, index);
    }

    /**
     * The first stream of the type, as JavaCV's grabber (the probe) picks it: with several audio streams the first
     * is the one kept. Cover pictures are not video.
     */
    private static int first(AVFormatContext context, int type) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream s = context.streams(i);
            if (s.codecpar().codec_type() == type
                    && (s.disposition() & org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    static PacketSource open(Path file, Kind kind) {
        PacketSource source = openOptional(file, kind);
        if (source == null) {
            throw new IllegalStateException("No " + kind + " stream in " + file);
        }
        return source;
    }

    AVStream stream() {
        return context.streams(streamIndex);
    }

    /** The stream's start, in its own time base (0 when unknown). */
    long startTime() {
        long start = stream().start_time();
        return start == avutil.AV_NOPTS_VALUE ? 0 : start;
    }

    AVFormatContext context() {
        return context;
    }

    /** Moves to the keyframe at or before {@code pts} (in the stream's time base); false when the file cannot seek. */
    boolean seek(long pts) {
        return org.bytedeco.ffmpeg.global.avformat.av_seek_frame(
                        context, streamIndex, pts, org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD)
                >= 0;
    }

    /** Reads the next packet of the stream into {@code packet}; false at the end. */
    boolean read(AVPacket packet) {
        while (av_read_frame(context, packet) >= 0) {
            if (packet.stream_index() == streamIndex) {
                return true;
            }
            av_packet_unref(packet);
        }
        return false;
    }

    @Override
    public void close() {
        avformat_close_input(context);
    }
}
