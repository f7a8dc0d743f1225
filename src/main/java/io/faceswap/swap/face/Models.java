package io.faceswap.swap.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.opencv.global.opencv_core;
import org.tensorflow.lite.Interpreter;

/**
 * Loads the bundled models from the class path (never from the network) into TensorFlow Lite interpreters with the
 * XNNPACK delegate, one thread each. The engine runs one worker per core, each on its own frame range, so a net's own
 * threads would only contend with the other workers. XNNPACK ran the landmark model in 1.04 ms against OpenCV dnn's
 * 1.97 (the detectors 0.82 against 1.50 and 2.79 against 5.23) on one core here (issue 10).
 * <p>
 * The runtime's JNI library comes from its jar on the class path (the DJL build of TensorFlow Lite 2.4.1) and is
 * loaded once per class loader, from a copy of its own: a redeployed WAR is a new class loader, which the JVM does not
 * let load a file another class loader has loaded. Each model file is read once per class loader; interpreters are
 * built one at a time (OpenCV's importer was not safe to run from two threads at once: two tasks starting together
 * failed with "Unsupported operator type RELU"; being careful costs nothing here, since each is built once a worker).
 */
final class Models {
    private static final Object BUILDER = new Object();
    private static final String JNI_LIBRARY = "native/lib/libtensorflowlite_jni.so";
    /** The model files read so far, and whether the JNI library is loaded: both guarded by {@link #BUILDER}. */
    private static final java.util.Map<String, ByteBuffer> FILES = new java.util.HashMap<>();

    private static boolean loaded;
    static final String DETECTION_SHORT = "models/face_detection_short_range.tflite";
    static final String DETECTION_FULL = "models/face_detection_full_range.tflite";
    static final String LANDMARKS = "models/face_landmark.tflite";
    static final String RECOGNITION = "models/mobilefacenet.tflite";

    static {
        // One worker per core, each on its own frame range: OpenCV's own thread pool inside each worker only made them
        // contend (its threads spin in sched_yield between calls: 0.4 ms a 720p close-up frame when it was left on)
        opencv_core.setNumThreads(1);
    }

    private Models() {}

    /** A fresh interpreter: they are not thread-safe, so every worker gets its own. */
    static Interpreter load(String resource) {
        synchronized (BUILDER) {
            loadRuntime();
            ByteBuffer model = FILES.computeIfAbsent(resource, Models::read);
            // the model's buffer is only read: the same one serves every interpreter of it
            return new Interpreter(
                    model, new Interpreter.Options().setNumThreads(1).setUseXNNPACK(true));
        }
    }

    private static void loadRuntime() {
        if (loaded) {
            return;
        }
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(JNI_LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException("TensorFlow Lite's native library is missing from the class path");
            }
            // beside JavaCPP's own extracted libraries: a directory the operator already lets native code run from
            Path dir = org.bytedeco.javacpp.Loader.getCacheDir().toPath();
            Files.createDirectories(dir);
            Path copy = Files.createTempFile(dir, "tensorflowlite_jni-", ".so");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                System.load(copy.toString());
            } finally {
                Files.deleteIfExists(copy); // the mapped library stays; nothing is left behind
            }
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load TensorFlow Lite's native library", e);
        }
    }

    private static ByteBuffer read(String resource) {
        try (InputStream in = Models.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Model missing from the class path: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
            buffer.put(bytes).rewind();
            return buffer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read model " + resource, e);
        }
    }
}
