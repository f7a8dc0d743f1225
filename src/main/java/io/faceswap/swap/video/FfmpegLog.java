package io.faceswap.swap.video;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegLogCallback;

/**
 * FFmpeg writes to stderr, which an app server logs as errors. Its messages go to java.util.logging instead:
 * warnings and errors at FINE (they are about the input, and the engine reports input problems itself).
 */
final class FfmpegLog {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final Logger LOG = Logger.getLogger("io.faceswap.swap.ffmpeg");

    private FfmpegLog() {
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            FFmpegLogCallback.setLevel(avutil.AV_LOG_ERROR);
            avutil.setLogCallback(new FFmpegLogCallback() {
                @Override
                public void call(int level, org.bytedeco.javacpp.BytePointer msg) {
                    if (LOG.isLoggable(Level.FINE)) {
                        LOG.fine(msg.getString().trim());
                    }
                }
            });
        }
    }
}
