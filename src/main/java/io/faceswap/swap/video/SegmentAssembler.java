package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
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
 * (audio that MP4 cannot hold is first converted to AAC by {@link AudioTrack}). The segments together hold frames
 * 0..n-1 of the original (or a trimmed range of them), one packet each in order (they have no B-frames); packet i is
 * given frame i's own time from the original's {@link FrameTimeline}, relative to the first frame kept, so variable
 * frame rates are kept and audio, which keeps its own timing relative to the same frame, stays in sync. The result's
 * video track has no display matrix: its frames are already upright.
 */
public final class SegmentAssembler {
    private SegmentAssembler() {}

    public static void assemble(List<Path> segments, Path original, Path out) {
        assemble(segments, original, out, FrameTimeline.read(original));
    }

    /** As above, with the original's timeline from its probe. */
    public static void assemble(List<Path> segments, Path original, Path out, FrameTimeline timeline) {
        assemble(segments, original, out, timeline, Trim.WHOLE.frames(timeline));
    }

    /**
     * A trimmed result: the segments hold frames {@code range.first()} to {@code range.end() - 1} of the original.
     * They are timed from frame {@code range.first()} (it is shown at 0), and the audio is cut to the same span:
     * packets ending before the first frame's time or starting at or after the range's end are left out.
     */
    public static void assemble(
            List<Path> segments, Path original, Path out, FrameTimeline timeline, Trim.FrameRange range) {
        FfmpegLog.install();
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("No segments to assemble");
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial.mp4");
        try (AudioTrack audio = AudioTrack.open(original, out.getParent(), timeline, range)) {
            mux(segments, audio, partial, timeline, range);
        }
        try {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot complete " + out, e);
        }
    }

    private static void mux(
            List<Path> segments, AudioTrack audio, Path target, FrameTimeline timeline, Trim.FrameRange range) {
        AVFormatContext out = new AVFormatContext(null);
        check(avformat_alloc_output_context2(out, null, "mp4", target.toString()), "output");
        AVPacket videoPacket = av_packet_alloc();
        AVPacket audioPacket = av_packet_alloc();
        AVDictionary options = new AVDictionary(null);
        try (PacketSource first = PacketSource.open(segments.get(0), PacketSource.Kind.VIDEO)) {
            AVStream videoOut = copyStream(out, first.stream());
            videoOut.time_base(rational(timeline.timeBaseNum(), timeline.timeBaseDen()));
            AVStream audioOut = audio.present() ? copyStream(out, audio.stream()) : null;
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), avformat.AVIO_FLAG_WRITE), "open " + target);
            out.pb(io);
            av_dict_set(options, "movflags", "+faststart", 0);
            check(avformat_write_header(out, options), "header");
            AVRational videoTb = videoOut.time_base(); // the muxer may have chosen a finer one
            VideoCursor video = new VideoCursor(segments, videoTb, timeline, range);
            boolean haveVideo = video.next(videoPacket);
            boolean haveAudio = audioOut != null && audio.next(audioPacket, audioOut.time_base());
            while (haveVideo || haveAudio) {
                boolean takeVideo = haveVideo
                        && (!haveAudio
                                || av_compare_ts(videoPacket.pts(), videoTb, audioPacket.pts(), audioOut.time_base())
                                        <= 0);
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
        stream.sample_aspect_ratio(in.codecpar().sample_aspect_ratio());
        return stream;
    }

    static AVRational rational(int num, int den) {
        AVRational r = new AVRational();
        r.num(num);
        r.den(den);
        return r;
    }

    static void check(int result, String what) {
        if (result < 0) {
            throw new IllegalStateException("FFmpeg failed (" + result + ") at " + what);
        }
    }

    /** Video packets of the segments one after another, each stamped with its original frame's time. */
    private static final class VideoCursor {
        private final List<Path> segments;
        private final AVRational outTb;
        private final AVRational inTb;
        private final FrameTimeline timeline;
        private final Trim.FrameRange range;
        private int index = -1;
        private PacketSource current;
        private long frame;
        private long lastPts = Long.MIN_VALUE;

        VideoCursor(List<Path> segments, AVRational outTb, FrameTimeline timeline, Trim.FrameRange range) {
            this.segments = segments;
            this.outTb = outTb;
            this.timeline = timeline;
            this.range = range;
            this.frame = range.first();
            this.inTb = rational(timeline.timeBaseNum(), timeline.timeBaseDen());
        }

        boolean next(AVPacket packet) {
            while (true) {
                if (current != null && current.read(packet)) {
                    if (frame >= range.end()) {
                        throw new IllegalStateException("The segments hold more frames than the original's "
                                + range.first() + "-" + range.end());
                    }
                    long pts = av_rescale_q(timeline.pts(frame) - timeline.pts(range.first()), inTb, outTb);
                    pts = Math.max(pts, lastPts + 1); // never two frames at one time, even from a damaged original
                    packet.pts(pts);
                    packet.dts(pts);
                    packet.duration(Math.max(1, av_rescale_q(timeline.duration(frame), inTb, outTb)));
                    lastPts = pts;
                    frame++;
                    return true;
                }
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (++index >= segments.size()) {
                    return false;
                }
                current = PacketSource.open(segments.get(index), PacketSource.Kind.VIDEO);
            }
        }
    }
}
