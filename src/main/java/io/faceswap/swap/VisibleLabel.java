package io.faceswap.swap;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The visible "AI-generated" mark (EU AI Act article 50's disclosure, for viewers who never read metadata): white
 * text on a darkened box in the frame's bottom-right corner, sized from the frame's shorter side so it reads the
 * same on a phone's portrait clip as on a 4K landscape one. Drawn on upright frames, so it stays in the corner the
 * viewer sees. Deterministic: the same frame gets the same pixels, so a restarted chunk writes what it wrote before.
 */
public final class VisibleLabel {
    public static final String TEXT = "AI-generated";
    /** Text height as a share of the frame's shorter side: 14 px at 480p, 22 px at 720p, 32 px at 1080p. */
    private static final double HEIGHT_SHARE = 0.03;
    /** The box keeps 45% of the picture under it, so the text reads on any background. */
    private static final double BOX_KEEPS = 0.45;

    private VisibleLabel() {}

    /** Where the mark goes on a frame of this size: the darkened box, clipped to the frame. */
    public static Rect box(int width, int height) {
        Layout l = layout(width, height);
        return l.box;
    }

    /** Draws the mark in place on a BGR frame. */
    public static void draw(Mat frame) {
        Layout l = layout(frame.cols(), frame.rows());
        try (Mat roi = frame.apply(l.box)) {
            roi.convertTo(roi, -1, BOX_KEEPS, 0);
        }
        try (Point origin = new Point(l.textX, l.baselineY);
                Scalar white = new Scalar(255, 255, 255, 0)) {
            putText(frame, TEXT, origin, FONT_HERSHEY_SIMPLEX, l.scale, white, l.thickness, LINE_AA, false);
        }
    }

    private record Layout(Rect box, int textX, int baselineY, double scale, int thickness) {}

    private static Layout layout(int width, int height) {
        int shorter = Math.min(width, height);
        int thickness = Math.max(1, (int) Math.round(shorter / 360.0));
        int[] baseline = new int[1];
        Size unit = getTextSize(TEXT, FONT_HERSHEY_SIMPLEX, 1.0, thickness, baseline);
        double scale = Math.max(0.3, shorter * HEIGHT_SHARE / unit.height());
        Size text = getTextSize(TEXT, FONT_HERSHEY_SIMPLEX, scale, thickness, baseline);
        int pad = Math.max(2, text.height() / 3);
        int margin = Math.max(2, shorter / 50);
        int boxW = Math.min(width, text.width() + 2 * pad);
        int boxH = Math.min(height, text.height() + baseline[0] + 2 * pad);
        int x = Math.max(0, width - margin - boxW);
        int y = Math.max(0, height - margin - boxH);
        Rect box = new Rect(x, y, boxW, boxH);
        int textX = x + pad;
        int baselineY = y + pad + text.height();
        unit.close();
        text.close();
        return new Layout(box, textX, baselineY, scale, thickness);
    }
}
