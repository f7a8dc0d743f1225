package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_compare_ts;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;

/**
 * Joins the segments, in order, into one MP4 with the original's audio: packets are copied, never re-encoded
 * (audio that MP4 cannot hold is first converted to AAC by {@link AudioTrack}). Video timestamps are shifted so
 * segments follow each other; audio keeps its own timing relative to the start of the original.
 */
public final class SegmentAssembler {
    private SegmentAssembler() {
    }

    public static void assemble(List<Path> segments, Path original, Path out) {
        FfmpegLog.install();
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("No segments to assemble");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial.mp4");
        try (AudioTrack audio = AudioTrack.open(original, out.getParent())) {
            mux(segments, audio, partial);
        }
        try {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete " + out, e);
        }
    }

    private static void mux(List<Path> segments, AudioTrack audio, Path target) {
        AVFormatContext out = new AVFormatContext(null);
        check(avformat_alloc_output_context2(out, null, "mp4", target.toString()), "output");
        AVPacket videoPacket = av_packet_alloc();
        AVPacket audioPacket = av_packet_alloc();
        AVDictionary options = new AVDictionary(null);
        try (PacketSource first = PacketSource.open(segments.get(0), PacketSource.Kind.VIDEO)) {
            AVStream videoOut = copyStream(out, first.stream());
            AVStream audioOut = audio.present() ? copyStream(out, audio.stream()) : null;
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), avformat.AVIO_FLAG_WRITE), "open " + target);
            out.pb(io);
            av_dict_set(options, "movflags", "+faststart", 0);
            check(avformat_write_header(out, options), "header");
            AVRational videoTb = videoOut.time_base();
            long frameTicks = av_rescale_q(1, invert(first.stream().avg_frame_rate()), videoTb);
            VideoCursor video = new VideoCursor(segments, videoTb, Math.max(1, frameTicks));
            boolean haveVideo = video.next(videoPacket);
            boolean haveAudio = audioOut != null && audio.next(audioPacket, audioOut.time_base());
            while (haveVideo || haveAudio) {
                boolean takeVideo = haveVideo && (!haveAudio || av_compare_ts(videoPacket.pts(), videoTb,
                        audioPacket.pts(), audioOut.time_base()) <= 0);
                if (takeVideo) {
                    videoPacket.stream_index(videoOut.index());
                    check(av_interleaved_write_frame(out, videoPacket), "write video");
                    haveVideo = video.next(videoPacket);
                } else {
                    audioPacket.stream_index(audioOut.index());
                    check(av_interleaved_write_frame(out, audioPacket), "write audio");
                    haveAudio = audio.next(audioPacket, audioOut.time_base());
                }
            }
            check(av_write_trailer(out), "trailer");
        } finally {
            av_dict_free(options);
            av_packet_free(videoPacket);
            av_packet_free(audioPacket);
            if (out.pb() != null) {
                avio_closep(out.pb());
            }
            avformat_free_context(out);
        }
    }

    private static AVStream copyStream(AVFormatContext out, AVStream in) {
        AVStream stream = avformat_new_stream(out, null);
        check(avcodec_parameters_copy(stream.codecpar(), in.codecpar()), "stream parameters");
        stream.codecpar().codec_tag(0);
        stream.time_base(in.time_base());
        stream.avg_frame_rate(in.avg_frame_rate());
        return stream;
    }

    static AVRational invert(AVRational r) {
        AVRational inverted = new AVRational();
        inverted.num(r.den());
        inverted.den(r.num());
        return inverted;
    }

    static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException("FFmpeg failed (" + result + ") at " + what);
        }
    }

    /** Video packets of the segments one after another, with timestamps shifted to follow on. */
    private static final class VideoCursor {
        private final List<Path> segments;
        private final AVRational outTb;
        private final long frameTicks;
        private int index = -1;
        private PacketSource current;
        private long offset;
        private long end;

        VideoCursor(List<Path> segments, AVRational outTb, long frameTicks) {
            this.segments = segments;
            this.outTb = outTb;
            this.frameTicks = frameTicks;
        }

        boolean next(AVPacket packet) {
            while (true) {
                if (current != null && current.read(packet)) {
                    av_packet_rescale_ts(packet, current.stream().time_base(), outTb);
                    packet.pts(packet.pts() + offset);
                    packet.dts(packet.dts() + offset);
                    end = Math.max(end, packet.pts() + Math.max(packet.duration(), frameTicks));
                    return true;
                }
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (++index >= segments.size()) {
                    return false;
                }
                offset = end;
                current = PacketSource.open(segments.get(index), PacketSource.Kind.VIDEO);
            }
        }
    }
}
