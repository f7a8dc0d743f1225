package io.faceswap.swap.video;

import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded picture as an 8-bit BGR Mat, read with the picture's own range (full-range "yuvj" included) and matrix
 * (BT.601/709/2020). 10-bit SDR is rounded to 8 bits by swscale. HDR (PQ or HLG transfer) goes through 16-bit YUV
 * and {@link HdrToneMap}, so it does not come out washed out or dim.
 */
final class PictureConverter implements AutoCloseable {
    private SwsContext sws;
    private final HdrToneMap toneMap = new HdrToneMap();

    static boolean isHdr(int transfer) {
        return transfer == avutil.AVCOL_TRC_SMPTE2084 || transfer == avutil.AVCOL_TRC_ARIB_STD_B67;
    }

    Mat convert(AVFrame frame) {
        return isHdr(frame.color_trc()) ? convertHdr(frame) : convertSdr(frame);
    }

    private Mat convertSdr(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        context(frame, avutil.AV_PIX_FMT_BGR24);
        IntPointer matrix = sws_getCoefficients(matrix(frame.colorspace(), w, h));
        sws_setColorspaceDetails(
                sws,
                matrix,
                fullRange(frame) ? 1 : 0,
                sws_getCoefficients(swscale.SWS_CS_DEFAULT),
                1,
                0,
                1 << 16,
                1 << 16);
        Mat out = new Mat(h, w, opencv_core.CV_8UC3);
        // swscale reads four planes' pointers and strides even for packed BGR: give it four, unused ones null
        try (PointerPointer<?> dst = new PointerPointer<>(4);
                IntPointer stride = new IntPointer(4)) {
            dst.put(0, out.data());
            stride.put(new int[] {(int) out.step(), 0, 0, 0});
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, stride);
        }
        return out;
    }

    private void context(AVFrame frame, int target) {
        int w = frame.width();
        int h = frame.height();
        sws = sws_getCachedContext(
                sws,
                w,
                h,
                frame.format(),
                w,
                h,
                target,
                // accurate rounding and full chroma: with bilinear alone swscale left the last column of a 162-wide
                // frame unwritten (VideoFormatsTest.oddSizesArePaddedByOneRepeatedEdge)
                SWS_BILINEAR | swscale.SWS_ACCURATE_RND | swscale.SWS_FULL_CHR_H_INT,
                null,
                null,
                (DoublePointer) null);
        if (sws == null) {
            throw new UnsupportedCodecException("The video's pixel format cannot be converted");
        }
    }

    /**
     * HDR: swscale only brings the samples to 16-bit 4:4:4 (its own YUV to 48-bit RGB turned a BT.2020 green into
     * blue: VideoFormatsTest.hlgIsToneMappedToSdr); the matrix and the rest are {@link HdrToneMap}'s.
     */
    private Mat convertHdr(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        context(frame, avutil.AV_PIX_FMT_YUV444P16LE);
        try (Mat planes = new Mat(3 * h, w, opencv_core.CV_16UC1);
                PointerPointer<?> dst = new PointerPointer<>(4);
                IntPointer stride = new IntPointer(4)) {
            long plane = (long) w * h * 2;
            dst.put(0, planes.data());
            dst.put(1, planes.data().getPointer(plane));
            dst.put(2, planes.data().getPointer(2 * plane));
            stride.put(new int[] {2 * w, 2 * w, 2 * w, 0});
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, stride);
            return toneMap.apply(planes, w, h, fullRange(frame), frame.color_trc() == avutil.AVCOL_TRC_ARIB_STD_B67);
        }
    }

    /**
     * Untagged video is read as players read it (mpv's and the browsers' rule): BT.709 when it is HD (at least 1280
     * wide or more than 576 high), BT.601 otherwise. Reading untagged HD as BT.601 shifted its reds and greens.
     */
    static int matrix(int colorspace, int width, int height) {
        if (colorspace == avutil.AVCOL_SPC_UNSPECIFIED) {
            return width >= 1280 || height > 576 ? swscale.SWS_CS_ITU709 : swscale.SWS_CS_ITU601;
        }
        if (colorspace == avutil.AVCOL_SPC_BT709) {
            return swscale.SWS_CS_ITU709;
        }
        if (colorspace == avutil.AVCOL_SPC_BT2020_NCL || colorspace == avutil.AVCOL_SPC_BT2020_CL) {
            return swscale.SWS_CS_BT2020;
        }
        if (colorspace == avutil.AVCOL_SPC_SMPTE240M) {
            return swscale.SWS_CS_SMPTE240M;
        }
        if (colorspace == avutil.AVCOL_SPC_FCC) {
            return swscale.SWS_CS_FCC;
        }
        return swscale.SWS_CS_ITU601;
    }

    private static boolean fullRange(AVFrame frame) {
        int f = frame.format();
        return frame.color_range() == avutil.AVCOL_RANGE_JPEG
                || f == avutil.AV_PIX_FMT_YUVJ420P
                || f == avutil.AV_PIX_FMT_YUVJ422P
                || f == avutil.AV_PIX_FMT_YUVJ444P;
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
    }
}
