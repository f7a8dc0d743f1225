package io.faceswap.swap.video;

/**
 * The part of a video to swap, in seconds from its first frame: {@code startSeconds} (0: from the start) up to
 * {@code endSeconds} (null: to the end). {@link #frames(FrameTimeline)} turns it into the frames it covers: the first
 * is the frame on screen at {@code startSeconds} (so a start between keyframes gets that frame, not the keyframe
 * before it; the reader decodes from the keyframe and drops the frames before), the last is the last frame that
 * starts before {@code endSeconds}. Frame times come from the {@link FrameTimeline}, so variable frame rates are cut
 * at their own frames' times. An end more than one frame past the video's real end is {@link TrimPastEndException}.
 */
public record Trim(double startSeconds, Double endSeconds) {
    /** The whole video. */
    public static final Trim WHOLE = new Trim(0, null);

    /** Frame times are compared with this slack, so a time stored in a coarse time base still counts as "at". */
    static final double EPSILON_SECONDS = 1e-4;

    public Trim {
        if (!(startSeconds >= 0) || (endSeconds != null && !(endSeconds > startSeconds))) {
            throw new IllegalArgumentException("A trim needs 0 <= start < end: " + startSeconds + ", " + endSeconds);
        }
    }

    /** Null or zero start and no end: the whole video. */
    public static Trim of(Double startSeconds, Double endSeconds) {
        return new Trim(startSeconds == null ? 0 : startSeconds, endSeconds);
    }

    public boolean whole() {
        return startSeconds == 0 && endSeconds == null;
    }

    /** The frames [first, end) this trim keeps of a video with {@code timeline}, and how long they last. */
    public FrameRange frames(FrameTimeline timeline) {
        int count = timeline.frameCount();
        double length = timeline.seconds();
        if (whole()) {
            return new FrameRange(0, count, length);
        }
        if (startSeconds >= length - EPSILON_SECONDS) {
            throw new TrimPastEndException(String.format(
                    "startSeconds %.3f is at or past the end of the video, which is %.3f s long",
                    startSeconds, length));
        }
        double lastFrame = timeline.duration(count - 1) * (double) timeline.timeBaseNum() / timeline.timeBaseDen();
        if (endSeconds != null && endSeconds > length + Math.max(lastFrame, EPSILON_SECONDS)) {
            throw new TrimPastEndException(String.format(
                    "endSeconds %.3f is past the end of the video, which is %.3f s long", endSeconds, length));
        }
        long first = 0;
        while (first + 1 < count && time(timeline, first + 1) <= startSeconds + EPSILON_SECONDS) {
            first++;
        }
        long end = first + 1;
        if (endSeconds == null) {
            end = count;
        } else {
            while (end < count && time(timeline, end) < endSeconds - EPSILON_SECONDS) {
                end++;
            }
        }
        long endPts = end < count ? timeline.pts(end) : timeline.pts(count - 1) + timeline.duration(count - 1);
        double seconds = (endPts - timeline.pts(first)) * (double) timeline.timeBaseNum() / timeline.timeBaseDen();
        return new FrameRange(first, end, seconds);
    }

    /** Frame {@code i}'s time in seconds from the first frame. */
    static double time(FrameTimeline t, long i) {
        return (t.pts(i) - t.pts(0)) * (double) t.timeBaseNum() / t.timeBaseDen();
    }

    /** Frames [first, end) of a video, in presentation order, and how long they are shown ({@code seconds}). */
    public record FrameRange(long first, long end, double seconds) {
        public long count() {
            return end - first;
        }

        /** True when the range is the whole video of {@code timeline}. */
        public boolean whole(FrameTimeline timeline) {
            return first == 0 && end == timeline.frameCount();
        }
    }
}
