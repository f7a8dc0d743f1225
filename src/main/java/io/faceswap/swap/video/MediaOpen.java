package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Every FFmpeg open of untrusted media goes through here. Only the demuxers of real video containers may read it,
 * and only from the local file: playlist-like formats (HLS, DASH, concat, image sequences) could otherwise name other
 * local files or URLs, and a protocol prefix in a name could reach the network.
 */
final class MediaOpen {
    /** Demuxer names as FFmpeg matches them against a demuxer's comma-separated name list (mov covers mp4). */
    static final String FORMATS = "mov,mp4,matroska,webm,avi,flv,mpegts";

    static final String PROTOCOLS = "file";

    private MediaOpen() {}

    /** The URL FFmpeg is given: "file:" always, so a name with a colon is never taken as another protocol. */
    static String url(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /** A grabber over the file with both whitelists set (JavaCV passes its options to avformat_open_input). */
    static FFmpegFrameGrabber grabber(Path file) {
        FfmpegLog.install();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url(file));
        grabber.setOption("format_whitelist", FORMATS);
        grabber.setOption("protocol_whitelist", PROTOCOLS);
        return grabber;
    }

    /** @return the opened context, or null when FFmpeg refuses the file (not a whitelisted container, unreadable) */
    static AVFormatContext open(Path file) {
        FfmpegLog.install();
        AVFormatContext context = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "format_whitelist", FORMATS, 0);
            av_dict_set(options, "protocol_whitelist", PROTOCOLS, 0);
            return avformat.avformat_open_input(context, url(file), null, options) < 0 ? null : context;
        } finally {
            av_dict_free(options);
        }
    }
}
