package io.faceswap.swap.face;

/**
 * Anchor centres of MediaPipe's face detectors, as its SsdAnchorsCalculator makes them with fixed anchor size:
 * short range (128 px input) has strides 8, 16, 16, 16 (2 anchors per layer, 896 in all); full range (192 px) has
 * one layer of stride 4 with one anchor per cell (2304).
 */
final class SsdAnchors {
    private SsdAnchors() {}

    /** Centres as {x0, y0, x1, y1, ...} in [0, 1]. */
    static float[] generate(int inputSize, int[] strides, int anchorsPerLayer) {
        int total = 0;
        int layer = 0;
        while (layer < strides.length) {
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                last++;
            }
            int grid = (int) Math.ceil((double) inputSize / strides[layer]);
            total += grid * grid * anchorsPerLayer * (last - layer);
            layer = last;
        }
        float[] centres = new float[total * 2];
        int n = 0;
        layer = 0;
        while (layer < strides.length) {
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                last++;
            }
            int grid = (int) Math.ceil((double) inputSize / strides[layer]);
            int perCell = anchorsPerLayer * (last - layer);
            for (int y = 0; y < grid; y++) {
                for (int x = 0; x < grid; x++) {
                    for (int a = 0; a < perCell; a++) {
                        centres[n++] = (x + 0.5f) / grid;
                        centres[n++] = (y + 0.5f) / grid;
                    }
                }
            }
            layer = last;
        }
        return centres;
    }
}
