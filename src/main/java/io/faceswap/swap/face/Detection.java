package io.faceswap.swap.face;

/**
 * A detected face in frame pixels: box, score and MediaPipe's six keypoints (0 right eye, 1 left eye, 2 nose tip,
 * 3 mouth centre, 4 right ear, 5 left ear; "right" is the subject's right, on the image's left).
 */
public record Detection(double x, double y, double width, double height, double score, double[] keypoints) {

    public double area() {
        return width * height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double keypointX(int i) {
        return keypoints[2 * i];
    }

    public double keypointY(int i) {
        return keypoints[2 * i + 1];
    }

    public double iou(Detection o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
