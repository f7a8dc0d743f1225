package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * The original's audio, ready to be copied into MP4: the original stream itself when MP4 can hold its codec,
 * otherwise an AAC copy made once. Timestamps are made relative to the start of the original's video.
 */
final class AudioTrack implements AutoCloseable {
    private static final Set<Integer> MP4_AUDIO = Set.of(
            avcodec.AV_CODEC_ID_AAC,
            avcodec.AV_CODEC_ID_MP3,
            avcodec.AV_CODEC_ID_AC3,
            avcodec.AV_CODEC_ID_EAC3,
            avcodec.AV_CODEC_ID_ALAC,
            avcodec.AV_CODEC_ID_OPUS);

    private final PacketSource source;
    private final Path converted;
    private final long shift; // subtracted from every packet, in the audio stream's time base
    private final double endSeconds; // packets starting at or after this (after the shift) are left out

    private AudioTrack(PacketSource source, Path converted, long shift, double endSeconds) {
        this.source = source;
        this.converted = converted;
        this.shift = shift;
        this.endSeconds = endSeconds;
    }

    /** The audio from the time of {@code range}'s first frame for {@code range.seconds()}. */
    static AudioTrack open(Path original, Path workDir, FrameTimeline video, Trim.FrameRange range) {
        PacketSource audio = PacketSource.openOptional(original, PacketSource.Kind.AUDIO);
        // the whole video keeps all its audio, as before trimming existed; a trim cuts it at the range's end
        double end = range.whole(video) ? Double.POSITIVE_INFINITY : range.seconds();
        if (audio == null) {
            return new AudioTrack(null, null, 0, end);
        }
        long shift = av_rescale_q(
                video.pts(range.first()),
                SegmentAssembler.rational(video.timeBaseNum(), video.timeBaseDen()),
                audio.stream().time_base());
        if (MP4_AUDIO.contains(audio.stream().codecpar().codec_id())) {
            return new AudioTrack(audio, null, shift, end);
        }
        // the AAC copy starts at its own 0, where the original's audio started: keep the video's offset from that
        long videoAfterAudio = shift - audio.startTime();
        AVRational audioTb = SegmentAssembler.rational(
                audio.stream().time_base().num(), audio.stream().time_base().den());
        audio.close();
        Path aac = toAac(original, workDir);
        PacketSource converted = PacketSource.open(aac, PacketSource.Kind.AUDIO);
        return new AudioTrack(
                converted,
                aac,
                converted.startTime()
                        + av_rescale_q(
                                videoAfterAudio, audioTb, converted.stream().time_base()),
                end);
    }

    boolean present() {
        return source != null;
    }

    org.bytedeco.ffmpeg.avformat.AVStream stream() {
        return source.stream();
    }

    /**
     * The next packet, shifted and rescaled to {@code outTb}; packets wholly before the start are dropped, and the
     * track ends at the first packet that starts at or after the end.
     */
    boolean next(AVPacket packet, AVRational outTb) {
        while (source.read(packet)) {
            packet.pts(packet.pts() - shift);
            packet.dts(packet.dts() - shift);
            if (packet.pts() + packet.duration() <= 0) {
                av_packet_unref(packet);
                continue;
            }
            var tb = source.stream().time_base();
            if (packet.pts() * (double) tb.num() / tb.den() >= endSeconds - Trim.EPSILON_SECONDS) {
                av_packet_unref(packet);
                return false; // the trim ends here (packets of one stream come in time order)
            }
            av_packet_rescale_ts(packet, source.stream().time_base(), outTb);
            return true;
        }
        return false;
    }

    private static Path toAac(Path original, Path workDir) {
        try {
            Path aac = Files.createTempFile(workDir, "audio", ".m4a");
            try (FFmpegFrameGrabber grabber = MediaOpen.grabber(original)) {
                grabber.start();
                try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(aac.toFile(), grabber.getAudioChannels())) {
                    recorder.setFormat("mp4");
                    recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                    recorder.setSampleRate(grabber.getSampleRate());
                    recorder.setAudioBitrate(192_000);
                    recorder.start();
                    Frame samples;
                    while ((samples = grabber.grabSamples()) != null) {
                        recorder.record(samples);
                    }
                    recorder.stop();
                }
            }
            return aac;
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new CorruptVideoException("The audio track cannot be converted: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        if (converted != null) {
            try {
                Files.deleteIfExists(converted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
