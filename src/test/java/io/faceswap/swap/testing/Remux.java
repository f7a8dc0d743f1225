package io.faceswap.swap.testing;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Crafts timing the JavaCV recorder cannot write, by copying packets (no re-encoding) into a new MP4: video frames
 * given new times (variable frame rate), the video starting later than the audio, the audio streams of other files
 * added after the first file's streams.
 */
public final class Remux {
    private Remux() {}

    /**
     * @param videoPtsMicros frame index (decode order = presentation order: the test clips have no B-frames) to its
     *                       time in microseconds, defined up to one past the last frame; null keeps the times
     * @param videoDelayMicros added to every video time
     * @param audioFrom      files whose audio streams are added, in order
     */
    public static Path remux(
            Path in, String name, LongUnaryOperator videoPtsMicros, long videoDelayMicros, Path... audioFrom) {
        Path out = TestVideos.dir().resolve(name + ".mp4");
        List<AVFormatContext> inputs = new ArrayList<>();
        inputs.add(open(in));
        for (Path p : audioFrom) {
            inputs.add(open(p));
        }
        AVFormatContext o = new AVFormatContext(null);
        check(avformat_alloc_output_context2(o, null, "mp4", out.toString()));
        List<int[]> map = new ArrayList<>(); // input, stream -> output stream
        for (int f = 0; f < inputs.size(); f++) {
            AVFormatContext c = inputs.get(f);
            for (int s = 0; s < c.nb_streams(); s++) {
                AVStream is = c.streams(s);
                boolean audio = is.codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO;
                if (f > 0 && !audio) {
                    continue;
                }
                AVStream os = avformat_new_stream(o, null);
                check(avcodec_parameters_copy(os.codecpar(), is.codecpar()));
                os.codecpar().codec_tag(0);
                os.time_base(audio ? is.time_base() : micro());
                map.add(new int[] {f, s, os.index()});
            }
        }
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, out.toString(), AVIO_FLAG_WRITE));
        o.pb(io);
        check(avformat_write_header(o, (PointerPointer<?>) null));
        AVPacket p = av_packet_alloc();
        for (int f = 0; f < inputs.size(); f++) {
            AVFormatContext c = inputs.get(f);
            long videoFrame = 0;
            while (av_read_frame(c, p) >= 0) {
                int[] m = find(map, f, p.stream_index());
                if (m == null) {
                    av_packet_unref(p);
                    continue;
                }
                AVStream is = c.streams(p.stream_index());
                AVStream os = o.streams(m[2]);
                if (is.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    av_packet_rescale_ts(p, is.time_base(), micro());
                    if (videoPtsMicros != null) { // the next frame's time ends this one (must be defined one past)
                        long t = videoPtsMicros.applyAsLong(videoFrame);
                        p.duration(videoPtsMicros.applyAsLong(videoFrame + 1) - t);
                        p.pts(t);
                        p.dts(t);
                        videoFrame++;
                    }
                    p.pts(p.pts() + videoDelayMicros);
                    p.dts(p.dts() + videoDelayMicros);
                    av_packet_rescale_ts(p, micro(), os.time_base());
                } else {
                    av_packet_rescale_ts(p, is.time_base(), os.time_base());
                }
                p.stream_index(m[2]);
                check(av_interleaved_write_frame(o, p));
            }
        }
        check(av_write_trailer(o));
        av_packet_free(p);
        avio_closep(o.pb());
        avformat_free_context(o);
        inputs.forEach(c -> avformat_close_input(c));
        return out;
    }

    private static int[] find(List<int[]> map, int f, int s) {
        return map.stream().filter(m -> m[0] == f && m[1] == s).findFirst().orElse(null);
    }

    private static AVRational micro() {
        AVRational r = new AVRational();
        r.num(1);
        r.den(1_000_000);
        return r;
    }

    private static AVFormatContext open(Path p) {
        AVFormatContext c = new AVFormatContext(null);
        check(avformat_open_input(c, p.toString(), null, null));
        check(avformat_find_stream_info(c, (PointerPointer<?>) null));
        return c;
    }

    private static void check(int r) {
        if (r < 0) {
            throw new IllegalStateException("FFmpeg error " + r);
        }
    }
}
