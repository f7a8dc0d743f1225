package io.faceswap.swap.face;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.tensorflow.lite.Interpreter;

/**
 * Face recognition: a face's identity as a unit vector (MobileFaceNet, 192-d, see models/NOTICE.md), so that two
 * faces' {@link #similarity} is their cosine. The face is aligned from its mesh landmarks (eye centres, nose tip,
 * mouth corners) onto the five-point 112x112 template the model family (InsightFace's) was trained on, by a
 * similarity transform. Measured on the test photos and their augmentations: FaceEmbedderTest. Not thread-safe.
 */
public final class FaceEmbedder implements AutoCloseable {
    public static final int DIMENSIONS = 192;
    static final int SIZE = 112;
    /** InsightFace's 112x112 template: the eye in the image's left, the other eye, nose tip, mouth corners. */
    private static final double[][] TEMPLATE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}
    };

    private final Interpreter interpreter;
    private final ByteBuffer inputBuffer;
    private final BytePointer inputPointer;
    private final Mat input;
    /** The batch's second slot, for a second face in the same run. */
    private final BytePointer secondPointer;

    private final Mat second;
    private final ByteBuffer output;
    private final Mat crop = new Mat();
    private final Mat rgb = new Mat();

    public FaceEmbedder() {
        interpreter = Models.load(Models.RECOGNITION);
        // the file is exported for a batch of two, fixed by a reshape inside: the first face is ours, the second zeros
        inputBuffer = ByteBuffer.allocateDirect(interpreter.getInputTensor(0).numBytes())
                .order(ByteOrder.nativeOrder());
        inputPointer = new BytePointer(inputBuffer);
        input = new Mat(SIZE, SIZE, opencv_core.CV_32FC3, inputPointer);
        int slotBytes = SIZE * SIZE * 3 * Float.BYTES;
        secondPointer =
                new BytePointer(inputBuffer.duplicate().position(slotBytes).slice());
        second = new Mat(SIZE, SIZE, opencv_core.CV_32FC3, secondPointer);
        output = ByteBuffer.allocateDirect(interpreter.getOutputTensor(0).numBytes())
                .order(ByteOrder.nativeOrder());
    }

    /** The identity of the face with these mesh landmarks in this BGR image: a unit vector. */
    public float[] embed(Mat bgr, FaceLandmarks face) {
        align(bgr, face, input);
        return run(1).get(0);
    }

    /**
     * The identities of several faces of one image, two to a run of the model (it takes a batch of two, so a pair
     * costs what one face does).
     */
    public java.util.List<float[]> embed(Mat bgr, java.util.List<FaceLandmarks> faces) {
        java.util.List<float[]> out = new java.util.ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i += 2) {
            align(bgr, faces.get(i), input);
            boolean pair = i + 1 < faces.size();
            if (pair) {
                align(bgr, faces.get(i + 1), second);
            }
            out.addAll(run(pair ? 2 : 1));
        }
        return out;
    }

    /** The face aligned onto the template, as the model's input, into one slot of the batch. */
    private void align(Mat bgr, FaceLandmarks face, Mat slot) {
        double[] m = toTemplate(anchors(face));
        try (Mat affine = new Mat(2, 3, opencv_core.CV_64F);
                Size s = new Size(SIZE, SIZE);
                Scalar border = new Scalar(0, 0, 0, 0)) {
            java.nio.DoubleBuffer d = affine.createBuffer();
            d.put(m);
            opencv_imgproc.warpAffine(
                    bgr, crop, affine, s, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_CONSTANT, border);
        }
        opencv_imgproc.cvtColor(crop, rgb, opencv_imgproc.COLOR_BGR2RGB);
        rgb.convertTo(slot, opencv_core.CV_32F, 1 / 128.0, -127.5 / 128); // the model takes (v - 127.5) / 128
    }

    /** Runs the model on the batch and returns the first {@code count} faces' vectors, each of unit length. */
    private java.util.List<float[]> run(int count) {
        inputBuffer.rewind();
        output.rewind();
        interpreter.run(inputBuffer);
        interpreter.getOutputTensor(0).copyTo(output);
        FloatBuffer f = output.rewind().asFloatBuffer();
        java.util.List<float[]> vectors = new java.util.ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            float[] v = new float[DIMENSIONS];
            f.get(v);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm) + 1e-10;
            for (int i = 0; i < v.length; i++) {
                v[i] /= (float) norm;
            }
            vectors.add(v);
        }
        return vectors;
    }

    /** The cosine of two {@link #embed} vectors: 1 the same face, about 0 unrelated ones. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The five template points from the mesh: eye centres (corner midpoints), nose tip, mouth corners. */
    static double[][] anchors(FaceLandmarks f) {
        return new double[][] {
            mid(f, 33, 133),
            mid(f, 263, 362),
            {f.x(MeshTopology.NOSE_TIP), f.y(MeshTopology.NOSE_TIP)},
            {f.x(MeshTopology.MOUTH_RIGHT), f.y(MeshTopology.MOUTH_RIGHT)},
            {f.x(MeshTopology.MOUTH_LEFT), f.y(MeshTopology.MOUTH_LEFT)}
        };
    }

    private static double[] mid(FaceLandmarks f, int a, int b) {
        return new double[] {(f.x(a) + f.x(b)) / 2, (f.y(a) + f.y(b)) / 2};
    }

    /**
     * The least-squares similarity transform (scale, rotation, shift; Umeyama) taking the points onto the template,
     * as a 2x3 row-major matrix.
     */
    static double[] toTemplate(double[][] p) {
        int n = p.length;
        double mx = 0, my = 0, tx = 0, ty = 0;
        for (int i = 0; i < n; i++) {
            mx += p[i][0] / n;
            my += p[i][1] / n;
            tx += TEMPLATE[i][0] / n;
            ty += TEMPLATE[i][1] / n;
        }
        double a = 0, b = 0, var = 0;
        for (int i = 0; i < n; i++) {
            double x = p[i][0] - mx, y = p[i][1] - my, u = TEMPLATE[i][0] - tx, v = TEMPLATE[i][1] - ty;
            a += x * u + y * v;
            b += x * v - y * u;
            var += x * x + y * y;
        }
        double c = a / var, s = b / var; // scale * cos, scale * sin
        return new double[] {c, -s, tx - c * mx + s * my, s, c, ty - s * mx - c * my};
    }

    @Override
    public void close() {
        interpreter.close();
        input.close();
        inputPointer.close();
        second.close();
        secondPointer.close();
        crop.close();
        rgb.close();
    }
}
