package io.faceswap.swap.face;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MediaPipe face mesh (468 points) through TensorFlow Lite ({@link TfLiteNet}), on a 192x192 eye-aligned crop
 * around the face.
 * Not thread-safe: one per worker.
 */
public final class FaceLandmarker implements AutoCloseable {
    static final int CROP = 192;
    private static final double MIN_PRESENCE = 0.5;

    private final TfLiteNet net = new TfLiteNet(Models.LANDMARKS);
    private final Mat crop = new Mat();
    private final Mat rgb = new Mat();

    /** Landmarks as {x0, y0, z0, x1, ...} in image pixels, or null when the model sees no face in the region. */
    float[] landmarks(Mat bgr, FaceRoi roi) {
        double[] m = roi.cropToImage(CROP);
        try (Mat affine = new Mat(2, 3, opencv_core.CV_64F);
                Size s = new Size(CROP, CROP);
                Scalar border = new Scalar(0, 0, 0, 0)) {
            affine.data().put(toBytes(m));
            opencv_imgproc.warpAffine(
                    bgr,
                    crop,
                    affine,
                    s,
                    opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP,
                    opencv_core.BORDER_CONSTANT,
                    border);
        }
        opencv_imgproc.cvtColor(crop, rgb, opencv_imgproc.COLOR_BGR2RGB);
        rgb.convertTo(net.input(), opencv_core.CV_32F, 1 / 255.0, 0); // the model takes RGB in [0, 1]
        net.run();
        double logit = net.output(1).get(0);
        if (1 / (1 + Math.exp(-logit)) < MIN_PRESENCE) {
            return null;
        }
        float[] result = new float[MeshTopology.POINTS * 3];
        float[] raw = new float[MeshTopology.POINTS * 3];
        net.output(raw.length).get(raw);
        double zScale = roi.size() / CROP;
        for (int i = 0; i < MeshTopology.POINTS; i++) {
            double u = raw[3 * i];
            double v = raw[3 * i + 1];
            result[3 * i] = (float) (m[0] * u + m[1] * v + m[2]);
            result[3 * i + 1] = (float) (m[3] * u + m[4] * v + m[5]);
            result[3 * i + 2] = (float) (raw[3 * i + 2] * zScale);
        }
        return result;
    }

    private static byte[] toBytes(double[] values) {
        java.nio.ByteBuffer buffer =
                java.nio.ByteBuffer.allocate(values.length * 8).order(java.nio.ByteOrder.nativeOrder());
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }

    @Override
    public void close() {
        crop.close();
        rgb.close();
        net.close();
    }
}
