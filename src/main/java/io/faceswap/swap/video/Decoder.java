package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The video stream's pictures in presentation order, as FFmpeg decodes them, with their own pts. Written on the
 * FFmpeg API directly (not FFmpegFrameGrabber) because exact seeking needs each picture's pts and a seek to a pts,
 * and correct colours need the picture's own range, matrix and transfer.
 */
final class Decoder implements AutoCloseable {
    private final PacketSource source;
    private final AVCodecContext codec;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private boolean draining;

    Decoder(Path video, int threads) {
        source = PacketSource.open(video, PacketSource.Kind.VIDEO);
        AVCodec decoder = avcodec_find_decoder(source.stream().codecpar().codec_id());
        if (decoder == null) {
            source.close();
            throw new UnsupportedCodecException("The video's codec is not supported");
        }
        codec = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(codec, source.stream().codecpar());
        codec.pkt_timebase(source.stream().time_base());
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "threads", Integer.toString(threads), 0);
        int opened = avcodec_open2(codec, decoder, options);
        av_dict_free(options);
        if (opened < 0) {
            close();
            throw new UnsupportedCodecException("The video's codec cannot be opened (" + opened + ")");
        }
    }

    AVStream stream() {
        return source.stream();
    }

    /**
     * The next picture (owned by the decoder, valid until the next call), or null at the end. Its
     * {@code best_effort_timestamp} is its pts.
     */
    AVFrame next() {
        av_frame_unref(frame);
        while (true) {
            int received = avcodec_receive_frame(codec, frame);
            if (received >= 0) {
                return frame;
            }
            if (received == AVERROR_EOF()) {
                return null;
            }
            if (received != AVERROR_EAGAIN()) {
                throw new CorruptVideoException("The video cannot be decoded (" + received + ")");
            }
            if (draining) {
                return null;
            }
            if (source.read(packet)) {
                int sent = avcodec_send_packet(codec, packet);
                av_packet_unref(packet);
                if (sent < 0 && sent != AVERROR_EAGAIN()) {
                    throw new CorruptVideoException("The video cannot be decoded (" + sent + ")");
                }
            } else {
                draining = true;
                avcodec_send_packet(codec, null); // flush: the decoder gives out the pictures it holds
            }
        }
    }

    /** Moves to the keyframe at or before {@code pts}; false if the container cannot seek there. */
    boolean seek(long pts) {
        if (!source.seek(pts)) {
            return false;
        }
        avcodec_flush_buffers(codec);
        draining = false;
        return true;
    }

    @Override
    public void close() {
        av_frame_free(frame);
        av_packet_free(packet);
        if (codec != null) {
            avcodec_free_context(codec);
        }
        source.close();
    }
}
