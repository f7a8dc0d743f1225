package io.faceswap.swap;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Changes decoded frames in place, one after another, in frame order.
 * An instance may keep state between frames of one sequential run (e.g. landmark smoothing), so use one instance
 * per sequential frame range and per thread.
 */
public interface FrameProcessor extends AutoCloseable {

    /**
     * @param bgrFrame   an 8-bit, 3-channel BGR frame; changed in place
     * @param frameIndex the frame's index in the input video (0-based)
     * @return how many faces were changed in this frame
     */
    int process(Mat bgrFrame, long frameIndex);

    @Override
    void close();

    /** Leaves frames untouched: the ceiling for benchmarks and the reference for pass-through tests. */
    FrameProcessor IDENTITY = new FrameProcessor() {
        @Override
        public int process(Mat bgrFrame, long frameIndex) {
            return 0;
        }

        @Override
        public void close() {}
    };
}
