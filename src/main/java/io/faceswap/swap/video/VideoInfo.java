package io.faceswap.swap.video;

/**
 * What a video is made of, as the engine sees it: {@code width} x {@code height} are the upright picture's (after the
 * display matrix), {@code frameCount} is counted from the stream's packets, {@code frameRate} is the average rate
 * measured from the frames' timestamps (the declared one when they agree within 1%), {@code timeline} holds every
 * frame's own time. {@code sampleAspectRatio} is of the upright picture (1 for square pixels).
 */
public record VideoInfo(
        int width,
        int height,
        double frameRate,
        long frameCount,
        double durationSeconds,
        String videoCodec,
        long videoBitrate,
        boolean hasAudio,
        String audioCodec,
        double audioDurationSeconds,
        Orientation orientation,
        double sampleAspectRatio,
        FrameTimeline timeline) {

    /** Bits per pixel and frame the result gets at least: libopenh264 (constrained baseline) turns blocky below. */
    static final double MIN_BITS_PER_PIXEL = 0.12;
    /** ... and at most: more is wasted on an 8-bit re-encode and could fill the disk. */
    static final double MAX_BITS_PER_PIXEL = 0.35;

    static final long MIN_BITRATE = 300_000;
    static final long MAX_BITRATE = 20_000_000;
    /** Frames per second the bit rate is computed for at most: very high rates need fewer bits per frame. */
    private static final double RATE_CAP = 60;

    /**
     * The result's bit rate, from resolution and frame rate: the input's declared rate, clamped between a floor of
     * {@value #MIN_BITS_PER_PIXEL} bit per pixel and frame (at least 300 kb/s, so small inputs are not blocky) and a
     * ceiling of {@value #MAX_BITS_PER_PIXEL} (at most 20 Mb/s, so a huge declared rate cannot fill the disk).
     */
    public long encodeBitrate() {
        double pixelsPerSecond = (double) width * height * Math.min(Math.max(frameRate, 1), RATE_CAP);
        long floor = Math.max(MIN_BITRATE, Math.round(pixelsPerSecond * MIN_BITS_PER_PIXEL));
        long ceiling = Math.max(floor, Math.min(MAX_BITRATE, Math.round(pixelsPerSecond * MAX_BITS_PER_PIXEL)));
        return Math.min(ceiling, Math.max(floor, videoBitrate));
    }
}
