package io.faceswap.swap.video;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How a stored picture must be turned to be shown upright, from the stream's display matrix (phones record
 * sideways and say so there). The decision mirrors the ffmpeg command line's autorotate: 90/180/270 degrees, each
 * possibly mirrored. Frames are turned right after decoding, so the engine and the result only see upright pictures;
 * the result carries no display matrix.
 */
public enum Orientation {
    UPRIGHT,
    MIRROR_X,
    MIRROR_Y,
    ROTATE_180,
    CLOCKWISE,
    COUNTER_CLOCKWISE,
    /** transpose (rotate counter-clockwise, then mirror vertically) */
    TRANSPOSE,
    /** anti-transpose (rotate clockwise, then mirror vertically) */
    TRANSVERSE;

    /** The orientation a display matrix asks for; angles other than multiples of 90 degrees are refused. */
    static Orientation of(AVCodecParameters codecpar) {
        AVPacketSideData side = avcodec.av_packet_side_data_get(
                codecpar.coded_side_data(), codecpar.nb_coded_side_data(), avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (side == null || side.isNull() || side.size() < 36) {
            return UPRIGHT;
        }
        int[] m = new int[9];
        new IntPointer(side.data()).get(m);
        return of(m);
    }

    static Orientation of(int[] m) {
        double theta = -Math.round(avutil.av_display_rotation_get(m));
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        if (Math.abs(theta - 90) < 1) {
            return m[3] > 0 ? TRANSPOSE : CLOCKWISE;
        }
        if (Math.abs(theta - 270) < 1) {
            return m[3] < 0 ? TRANSVERSE : COUNTER_CLOCKWISE;
        }
        if (Math.abs(theta - 180) < 1) {
            boolean h = m[0] < 0;
            boolean v = m[4] < 0;
            return h && v ? ROTATE_180 : h ? MIRROR_X : v ? MIRROR_Y : UPRIGHT;
        }
        if (Math.abs(theta) < 1) {
            return m[4] < 0 ? MIRROR_Y : UPRIGHT;
        }
        throw new UnsupportedOrientationException("The video is rotated by " + Math.round(theta)
                + " degrees; only multiples of 90 degrees are supported");
    }

    /** Whether width and height trade places. */
    public boolean swapsSides() {
        return this == CLOCKWISE || this == COUNTER_CLOCKWISE || this == TRANSPOSE || this == TRANSVERSE;
    }

    /** The upright picture: {@code frame} itself when nothing is to be done, else a new Mat (frame is closed). */
    Mat apply(Mat frame) {
        if (this == UPRIGHT) {
            return frame;
        }
        Mat out = new Mat();
        switch (this) {
            case MIRROR_X -> opencv_core.flip(frame, out, 1);
            case MIRROR_Y -> opencv_core.flip(frame, out, 0);
            case ROTATE_180 -> opencv_core.rotate(frame, out, opencv_core.ROTATE_180);
            case CLOCKWISE -> opencv_core.rotate(frame, out, opencv_core.ROTATE_90_CLOCKWISE);
            case COUNTER_CLOCKWISE -> opencv_core.rotate(frame, out, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
            case TRANSPOSE -> opencv_core.transpose(frame, out);
            case TRANSVERSE -> {
                opencv_core.transpose(frame, out);
                opencv_core.flip(out, out, -1);
            }
            default -> throw new IllegalStateException(name());
        }
        frame.close();
        return out;
    }
}
