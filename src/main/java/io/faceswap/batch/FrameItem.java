package io.faceswap.batch;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame travelling through the chunk: its index, its pixels (native memory: closed by the writer), its faces
 * swapped, and on sampled frames how much they look like their photos.
 */
record FrameItem(long index, Mat frame, int faces, double identity) {
    FrameItem(long index, Mat frame, int faces) {
        this(index, frame, faces, Double.NaN);
    }

    FrameItem withFaces(int found) {
        return new FrameItem(index, frame, found, identity);
    }

    /** The swapped faces' similarity to their photos, measured on this frame (NaN: not measured). */
    FrameItem withIdentity(double measured) {
        return new FrameItem(index, frame, faces, measured);
    }
}
