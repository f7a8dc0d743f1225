package io.faceswap.swap.video;

/** What the engine accepts: resolution (long and short side) and length. */
public record VideoLimits(int maxLongSide, int maxShortSide, double maxDurationSeconds) {
    public static final VideoLimits DEFAULT = new VideoLimits(1920, 1080, 600);

    void check(VideoInfo info) {
        int longSide = Math.max(info.width(), info.height());
        int shortSide = Math.min(info.width(), info.height());
        if (longSide > maxLongSide || shortSide > maxShortSide) {
            throw new VideoTooLargeException("The video is " + info.width() + "x" + info.height()
                    + "; at most " + maxLongSide + "x" + maxShortSide + " is accepted");
        }
    }
}
