package io.faceswap.swap.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Reads what a video is made of, counting its frames exactly and building its {@link FrameTimeline}, and rejects
 * what the engine cannot take.
 */
public final class VideoProbe {
    private VideoProbe() {}

    public static VideoInfo probe(Path file, VideoLimits limits) {
        FfmpegLog.install();
        if (!Files.isRegularFile(file) || size(file) == 0) {
            throw new NotAVideoException("The video file is empty");
        }
        requireDecoder(file);
        try (FFmpegFrameGrabber grabber = MediaOpen.grabber(file)) {
            start(grabber);
            if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0) {
                throw new NoVideoStreamException("The file has no video stream");
            }
            AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
            Orientation orientation = Orientation.of(stream.codecpar());
            limits.check(info(grabber, orientation, null, 0));
            limits.checkDeclaredFrames(stream.nb_frames());
            Scan scan = scan(grabber, limits.maxFrames());
            long counted = scan.timeline().frameCount();
            if (counted == 0) {
                throw new CorruptVideoException("The video stream has no frames");
            }
            long declared = stream.nb_frames();
            if (declared > 0 && declared - counted > Math.max(2, declared / 50)) {
                throw new CorruptVideoException(
                        "The video is truncated: " + counted + " of " + declared + " frames are present");
            }
            limits.checkFrames(counted, scan.timeline().seconds());
            VideoInfo info = info(grabber, orientation, scan.timeline(), scan.audioSeconds());
            double expected = declaredVideoSeconds(grabber);
            if (expected > 0 && info.durationSeconds() < expected - Math.max(1.0, expected * 0.05)) {
                throw new CorruptVideoException(String.format(
                        "The video is truncated: %.1f of %.1f s are present", info.durationSeconds(), expected));
            }
            if (info.durationSeconds() > limits.maxDurationSeconds()) {
                throw new VideoTooLongException(info.durationSeconds(), limits.maxDurationSeconds());
            }
            return info;
        } catch (FrameGrabber.Exception e) {
            throw new CorruptVideoException("The video cannot be read: " + e.getMessage(), e);
        }
    }

    /** A container that opens but whose video codec no bundled decoder knows is UNSUPPORTED_CODEC. */
    private static void requireDecoder(Path file) {
        AVFormatContext context = MediaOpen.open(file);
        if (context == null) {
            return; // not a container at all (or not a whitelisted one): the grabber reports it as not a video
        }
        try {
            avformat.avformat_find_stream_info(context, (PointerPointer<?>) null);
            int video = avformat.av_find_best_stream(
                    context, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (video == avutil.AVERROR_DECODER_NOT_FOUND()) {
                throw new UnsupportedCodecException("The video's codec is not supported");
            }
            if (video >= 0
                    && avcodec.avcodec_find_decoder(
                                    context.streams(video).codecpar().codec_id())
                            == null) {
                throw new UnsupportedCodecException("The video's codec is not supported");
            }
        } finally {
            avformat.avformat_close_input(context);
        }
    }

    /** Opens the grabber, telling unreadable containers from readable ones with an unknown codec. */
    static void start(FFmpegFrameGrabber grabber) {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("avcodec_find_decoder") || message.contains("Unsupported")) {
                throw new UnsupportedCodecException("The video's codec is not supported", e);
            }
            throw new NotAVideoException("The file is not a video this service can read", e);
        }
    }

    /** @param timeline null before the packets are counted (then only the picture size is meaningful) */
    private static VideoInfo info(
            FFmpegFrameGrabber g, Orientation orientation, FrameTimeline timeline, double audioSeconds) {
        double declared = g.getFrameRate() > 0 ? g.getFrameRate() : 25;
        long frames = timeline == null ? 0 : timeline.frameCount();
        double measured = frames > 1 && timeline.seconds() > 0 ? frames / timeline.seconds() : declared;
        double fps = Math.abs(measured - declared) <= declared * 0.01 ? declared : measured;
        boolean audio = g.getAudioStream() >= 0 && g.getAudioChannels() > 0;
        boolean sideways = orientation.swapsSides();
        double sar = sampleAspectRatio(g.getFormatContext().streams(g.getVideoStream()));
        return new VideoInfo(
                sideways ? g.getImageHeight() : g.getImageWidth(),
                sideways ? g.getImageWidth() : g.getImageHeight(),
                fps,
                frames,
                frames / fps,
                g.getVideoCodecName(),
                g.getVideoBitrate(),
                audio,
                audio ? g.getAudioCodecName() : null,
                audioSeconds,
                orientation,
                sideways ? 1 / sar : sar,
                timeline);
    }

    private static double sampleAspectRatio(AVStream stream) {
        AVRational sar = stream.sample_aspect_ratio().num() > 0
                ? stream.sample_aspect_ratio()
                : stream.codecpar().sample_aspect_ratio();
        return sar.num() > 0 && sar.den() > 0 ? sar.num() / (double) sar.den() : 1;
    }

    /**
     * The video's length as the container states it: the stream's own duration, or the file's when the video is its
     * only stream (with audio, the file's duration may rightly be longer than the video). 0 when unknown.
     */
    private static double declaredVideoSeconds(FFmpegFrameGrabber g) {
        AVStream stream = g.getFormatContext().streams(g.getVideoStream());
        if (stream.duration() > 0) {
            return stream.duration()
                    * (double) stream.time_base().num()
                    / stream.time_base().den();
        }
        long file = g.getFormatContext().duration();
        return g.getAudioStream() < 0 && file > 0 ? file / 1_000_000.0 : 0;
    }

    private record Scan(FrameTimeline timeline, double audioSeconds) {}

    /**
     * Reads every packet once (no decoding): the video's are one frame each for the codecs the engine takes and give
     * the timeline; the audio's timestamps give its length, which containers' headers do not always state right.
     * Stops as soon as there are more frames than {@code maxFrames}.
     */
    private static Scan scan(FFmpegFrameGrabber g, long maxFrames) throws FrameGrabber.Exception {
        int video = g.getVideoStream();
        int audio = g.getAudioStream();
        FrameTimeline.Builder frames = new FrameTimeline.Builder();
        long audioStart = Long.MAX_VALUE;
        long audioEnd = Long.MIN_VALUE;
        AVPacket packet;
        while ((packet = g.grabPacket()) != null) {
            if (packet.stream_index() == video && packet.size() > 0 && !FrameTimeline.discarded(packet)) {
                frames.add(packet);
            } else if (packet.stream_index() == audio && packet.pts() != avutil.AV_NOPTS_VALUE) {
                audioStart = Math.min(audioStart, packet.pts());
                audioEnd = Math.max(audioEnd, packet.pts() + packet.duration());
            }
            avcodec.av_packet_unref(packet);
            if (frames.count() > maxFrames) {
                throw new VideoTooManyFramesException(
                        "The video has more than " + maxFrames + " frames; at most " + maxFrames + " are accepted");
            }
        }
        double audioSeconds = 0;
        if (audio >= 0 && audioEnd > audioStart) {
            AVStream s = g.getFormatContext().streams(audio);
            audioSeconds = (audioEnd - audioStart)
                    * (double) s.time_base().num()
                    / s.time_base().den();
        }
        AVStream v = g.getFormatContext().streams(video);
        return new Scan(
                frames.build(v.time_base().num(), v.time_base().den(), g.getFrameRate() > 0 ? g.getFrameRate() : 25),
                audioSeconds);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
