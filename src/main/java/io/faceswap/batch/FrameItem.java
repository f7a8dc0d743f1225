package io.faceswap.batch;

import org.bytedeco.opencv.opencv_core.Mat;

/** One frame travelling through the chunk: its index, its pixels (native memory: closed by the writer), its faces. */
record FrameItem(long index, Mat frame, int faces) {
    FrameItem withFaces(int found) {
        return new FrameItem(index, frame, found);
    }
}
