package io.faceswap.swap.face;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MediaPipe face detection through TensorFlow Lite ({@link TfLiteNet}): letterbox to the model's square input,
 * decode the SSD anchors, weighted non-maximum suppression. Not thread-safe: one per worker.
 */
public final class FaceDetector implements AutoCloseable {
    private static final double MIN_SCORE = 0.5;
    private static final double NMS_IOU = 0.3;
    private static final int AREA_FACTOR = 4;

    /** Short range: faces within about 2 m, fast. Full range: small faces up to about 5 m, slower. */
    public enum Range {
        SHORT(Models.DETECTION_SHORT, 128, new int[] {8, 16, 16, 16}, 2),
        FULL(Models.DETECTION_FULL, 192, new int[] {4}, 1);

        final String model;
        final int size;
        final int[] strides;
        final int anchorsPerLayer;

        Range(String model, int size, int[] strides, int anchorsPerLayer) {
            this.model = model;
            this.size = size;
            this.strides = strides;
            this.anchorsPerLayer = anchorsPerLayer;
        }
    }

    private final Range range;
    private final TfLiteNet net;
    private final float[] anchors;
    private final Mat canvas;
    private final Mat rgb = new Mat();

    public FaceDetector(Range range) {
        this.range = range;
        this.net = new TfLiteNet(range.model);
        this.anchors = SsdAnchors.generate(range.size, range.strides, range.anchorsPerLayer);
        this.canvas = new Mat(range.size, range.size, opencv_core.CV_8UC3);
    }

    /** Faces in a BGR frame, highest score first. */
    public List<Detection> detect(Mat bgr) {
        int size = range.size;
        double scale = (double) size / Math.max(bgr.cols(), bgr.rows());
        int w = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int h = Math.max(1, (int) Math.round(bgr.rows() * scale));
        int padX = (size - w) / 2;
        int padY = (size - h) / 2;
        canvas.put(new Scalar(0, 0, 0, 0));
        try (Rect r = new Rect(padX, padY, w, h);
                Mat target = new Mat(canvas, r)) {
            shrink(bgr, target, w, h);
        }
        opencv_imgproc.cvtColor(canvas, rgb, opencv_imgproc.COLOR_BGR2RGB);
        rgb.convertTo(net.input(), opencv_core.CV_32F, 1 / 127.5, -1); // the model takes RGB in [-1, 1]
        net.run();
        int anchorCount = anchors.length / 2;
        List<Detection> raw = decode(net.output(16 * anchorCount), net.output(anchorCount), scale, padX, padY);
        return weightedNms(raw);
    }

    /**
     * Area-averaged downscale to {@code w x h}. OpenCV's area resize reads every pixel of the frame: 3.4-4 ms from
     * 720p to 128 px and 9 ms to 192 px on one thread here, as much as the detector's network. So a large frame is
     * first brought to {@link #AREA_FACTOR} times the target size by a bilinear resize, which reads only the 2x2
     * pixels around each of its samples, and that is area-averaged by the integer factor. Detections matched the
     * plain area resize's on the benchmark clips (IoU 0.94 or more).
     */
    private static void shrink(Mat bgr, Mat target, int w, int h) {
        try (Size s = new Size(w, h)) {
            if (bgr.cols() <= AREA_FACTOR * w) { // a small frame: the plain area resize is cheap enough
                opencv_imgproc.resize(bgr, target, s, 0, 0, opencv_imgproc.INTER_AREA);
                return;
            }
            try (Mat mid = new Mat();
                    Size m = new Size(AREA_FACTOR * w, AREA_FACTOR * h)) {
                opencv_imgproc.resize(bgr, mid, m, 0, 0, opencv_imgproc.INTER_LINEAR);
                opencv_imgproc.resize(mid, target, s, 0, 0, opencv_imgproc.INTER_AREA);
            }
        }
    }

    /** @param boxes 16 values an anchor; @param scores one logit an anchor */
    private List<Detection> decode(FloatBuffer boxes, FloatBuffer scores, double scale, int padX, int padY) {
        List<Detection> found = new ArrayList<>();
        int size = range.size;
        int n = anchors.length / 2;
        for (int i = 0; i < n; i++) {
            double logit = Math.max(-100, Math.min(100, scores.get(i)));
            double score = 1 / (1 + Math.exp(-logit));
            if (score < MIN_SCORE) {
                continue;
            }
            double ax = anchors[2 * i] * size;
            double ay = anchors[2 * i + 1] * size;
            double cx = boxes.get(16 * i) + ax;
            double cy = boxes.get(16 * i + 1) + ay;
            double bw = boxes.get(16 * i + 2);
            double bh = boxes.get(16 * i + 3);
            double[] kp = new double[12];
            for (int k = 0; k < 6; k++) {
                kp[2 * k] = (boxes.get(16 * i + 4 + 2 * k) + ax - padX) / scale;
                kp[2 * k + 1] = (boxes.get(16 * i + 5 + 2 * k) + ay - padY) / scale;
            }
            found.add(new Detection(
                    (cx - bw / 2 - padX) / scale, (cy - bh / 2 - padY) / scale, bw / scale, bh / scale, score, kp));
        }
        return found;
    }

    /** MediaPipe's weighted NMS: overlapping candidates are averaged, weighted by score, into one face. */
    static List<Detection> weightedNms(List<Detection> candidates) {
        List<Detection> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection best = remaining.get(0);
            List<Detection> cluster = new ArrayList<>();
            for (Detection d : remaining) {
                if (best.iou(d) > NMS_IOU) {
                    cluster.add(d);
                }
            }
            remaining.removeAll(cluster);
            double total = 0;
            double x = 0, y = 0, w = 0, h = 0;
            double[] kp = new double[12];
            for (Detection d : cluster) {
                total += d.score();
                x += d.x() * d.score();
                y += d.y() * d.score();
                w += d.width() * d.score();
                h += d.height() * d.score();
                for (int k = 0; k < 12; k++) {
                    kp[k] += d.keypoints()[k] * d.score();
                }
            }
            for (int k = 0; k < 12; k++) {
                kp[k] /= total;
            }
            kept.add(new Detection(x / total, y / total, w / total, h / total, best.score(), kp));
        }
        return kept;
    }

    @Override
    public void close() {
        canvas.close();
        rgb.close();
        net.close();
    }
}
