package io.faceswap.swap.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * Loads the bundled models from the class path (never from the network). The files are read once per class loader;
 * nets are built one at a time: OpenCV's TFLite importer is not safe to run from two threads at once (two tasks
 * starting together failed with "Unsupported operator type RELU").
 */
final class Models {
    private static final Object IMPORTER = new Object();
    private static final java.util.Map<String, byte[]> FILES = new java.util.concurrent.ConcurrentHashMap<>();
    static final String DETECTION_SHORT = "models/face_detection_short_range.tflite";
    static final String DETECTION_FULL = "models/face_detection_full_range.tflite";
    static final String LANDMARKS = "models/face_landmark.tflite";

    static {
        // The engine runs one worker per core, each on its own frame range. OpenCV's own thread pool inside each
        // worker only made them contend: the detectors and the mesh ran 1.5-2x slower per call than on one thread.
        opencv_core.setNumThreads(1);
    }

    private Models() {
    }

    /** A fresh network: OpenCV nets are not thread-safe, so every worker gets its own. */
    static Net load(String resource) {
        byte[] bytes = FILES.computeIfAbsent(resource, Models::read);
        synchronized (IMPORTER) {
            return build(bytes);
        }
    }

    private static Net build(byte[] bytes) {
        try (BytePointer buffer = new BytePointer(bytes)) {
            Net net = opencv_dnn.readNetFromTFLite(buffer, bytes.length);
            net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
            net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
            return net;
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Model missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read model " + resource, e);
        }
    }
}
