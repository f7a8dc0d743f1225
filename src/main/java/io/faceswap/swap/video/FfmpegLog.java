package io.faceswap.swap.video;

import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * FFmpeg writes its messages to stderr, which an app server logs as errors. They are silenced below FATAL: every
 * problem with an input reaches the caller as an exception with a clear message instead.
 * <p>
 * Why not route them to a Java logger with a log callback: inside WildFly, FFmpeg calls the callback from its own
 * native threads, where the deployment's classes cannot be found; the JVM then aborted (seen in the ITs).
 */
final class FfmpegLog {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private FfmpegLog() {}

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        }
    }
}
