package io.faceswap.swap.video;

/**
 * What a video is made of. {@code frameCount} is counted from the stream's packets, not estimated from the duration.
 */
public record VideoInfo(int width, int height, double frameRate, long frameCount, double durationSeconds,
                        String videoCodec, long videoBitrate, boolean hasAudio, String audioCodec,
                        double audioDurationSeconds) {

    /** Bit rate for re-encoding: the input's when known, else about 0.1 bit per pixel per frame. */
    public long encodeBitrate() {
        long floor = (long) (width * (long) height * frameRate * 0.08);
        return Math.max(videoBitrate > 0 ? videoBitrate : 0, floor);
    }
}
