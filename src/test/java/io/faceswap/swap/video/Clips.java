package io.faceswap.swap.video;

import io.faceswap.swap.FrameProcessor;
import io.faceswap.swap.testing.TestVideos;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.PointerPointer;

/** Shared steps of the video tests: an identity run through the whole pipeline, stream facts read directly. */
final class Clips {
    private Clips() {}

    static Path identity(Path in, String name) {
        Path out = TestVideos.dir().resolve(name + "-out.mp4");
        VideoSwapper.swapFile(in, out, () -> FrameProcessor.IDENTITY, 2, 16, VideoLimits.DEFAULT, (d, t) -> {});
        return out;
    }

    /** Number of streams of a type (avutil.AVMEDIA_TYPE_*) in the file. */
    static int streams(Path file, int type) {
        AVFormatContext c = MediaOpen.open(file);
        try {
            avformat.avformat_find_stream_info(c, (PointerPointer<?>) null);
            int n = 0;
            for (int i = 0; i < c.nb_streams(); i++) {
                n += c.streams(i).codecpar().codec_type() == type ? 1 : 0;
            }
            return n;
        } finally {
            avformat.avformat_close_input(c);
        }
    }

    /** Start of the first stream of a type, in seconds (0 when unknown). */
    static double start(Path file, int type) {
        try (PacketSource s = PacketSource.open(
                file,
                type == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO
                        ? PacketSource.Kind.VIDEO
                        : PacketSource.Kind.AUDIO)) {
            AVStream st = s.stream();
            return s.startTime()
                    * (double) st.time_base().num()
                    / st.time_base().den();
        }
    }

    /** Frame i's time relative to the first frame, in seconds. */
    static double time(FrameTimeline t, long i) {
        return (t.pts(i) - t.pts(0)) * (double) t.timeBaseNum() / t.timeBaseDen();
    }
}
