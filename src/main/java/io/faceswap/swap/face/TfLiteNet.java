package io.faceswap.swap.face;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.Tensor;

/**
 * One of the bundled models ({@link Models}) with an image input of shape 1 x h x w x 3 (float, RGB, interleaved):
 * {@link #input()} is a float Mat over the input buffer, so the caller's colour conversion writes straight into it,
 * and each output is read by its number of elements. Not thread-safe: one per worker.
 */
final class TfLiteNet implements AutoCloseable {
    private final Interpreter interpreter;
    private final ByteBuffer inputBuffer;
    private final BytePointer inputPointer;
    private final Mat input;
    private final ByteBuffer[] outputs;
    /** Elements of each output, taken once: looking a tensor up goes through JNI. */
    private final int[] outputElements;

    TfLiteNet(String resource) {
        interpreter = Models.load(resource);
        int[] shape = interpreter.getInputTensor(0).shape(); // 1, h, w, 3
        inputBuffer = ByteBuffer.allocateDirect(interpreter.getInputTensor(0).numBytes())
                .order(ByteOrder.nativeOrder());
        inputPointer = new BytePointer(inputBuffer);
        input = new Mat(shape[1], shape[2], opencv_core.CV_32FC3, inputPointer);
        outputs = new ByteBuffer[interpreter.getOutputTensorCount()];
        outputElements = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            Tensor t = interpreter.getOutputTensor(i);
            outputs[i] = ByteBuffer.allocateDirect(t.numBytes()).order(ByteOrder.nativeOrder());
            outputElements[i] = t.numElements();
        }
    }

    /** The input image, to be written before {@link #run()}: h x w, 32-bit float RGB. */
    Mat input() {
        return input;
    }

    void run() {
        inputBuffer.rewind();
        interpreter.run(inputBuffer);
        for (int i = 0; i < outputs.length; i++) {
            outputs[i].rewind();
            interpreter.getOutputTensor(i).copyTo(outputs[i]);
        }
    }

    /** The last run's output with this many elements. */
    FloatBuffer output(int elements) {
        for (int i = 0; i < outputs.length; i++) {
            if (outputElements[i] == elements) {
                return outputs[i].rewind().asFloatBuffer();
            }
        }
        throw new IllegalStateException("The model has no output of " + elements + " elements");
    }

    @Override
    public void close() {
        interpreter.close();
        input.close();
        inputPointer.close();
    }
}
