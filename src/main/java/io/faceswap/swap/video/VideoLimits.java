package io.faceswap.swap.video;

/**
 * What the engine accepts: resolution (long and short side), length, frame rate and frame count. The frame rate is
 * the measured average (frames over their time span), so a clip that declares 25 fps but packs 1000 frames a second
 * is caught; the frame count caps work and billing whatever the timestamps say.
 */
public record VideoLimits(
        int maxLongSide, int maxShortSide, double maxDurationSeconds, double maxFrameRate, long maxFrames) {
    public static final double DEFAULT_MAX_FRAME_RATE = 120;
    public static final VideoLimits DEFAULT = new VideoLimits(1920, 1080, 600);

    /** With the default frame rate cap, and at most the maximum duration at 60 frames per second. */
    public VideoLimits(int maxLongSide, int maxShortSide, double maxDurationSeconds) {
        this(maxLongSide, maxShortSide, maxDurationSeconds, DEFAULT_MAX_FRAME_RATE, (long)
                Math.ceil(maxDurationSeconds * 60));
    }

    void check(VideoInfo info) {
        int longSide = Math.max(info.width(), info.height());
        int shortSide = Math.min(info.width(), info.height());
        if (longSide > maxLongSide || shortSide > maxShortSide) {
            throw new VideoTooLargeException("The video is " + info.width() + "x" + info.height() + "; at most "
                    + maxLongSide + "x" + maxShortSide + " is accepted");
        }
    }

    /** Before counting: the declared frame count, when the container states one, is already too many. */
    void checkDeclaredFrames(long declared) {
        if (declared > maxFrames) {
            throw tooMany(declared);
        }
    }

    void checkFrames(long frames, double seconds) {
        if (frames > maxFrames) {
            throw tooMany(frames);
        }
        // one frame has no rate; two frames closer than 1/maxFrameRate are too dense
        if (frames > 1 && seconds > 0 && frames / seconds > maxFrameRate + 0.5) {
            throw new VideoTooManyFramesException(String.format(
                    "The video has %.0f frames per second; at most %.0f are accepted", frames / seconds, maxFrameRate));
        }
    }

    private VideoTooManyFramesException tooMany(long frames) {
        return new VideoTooManyFramesException(
                "The video has " + frames + " frames; at most " + maxFrames + " are accepted");
    }
}
