package io.faceswap.swap;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The visible mark: in the corner, legible on any background, the same size on portrait and landscape frames. */
class VisibleLabelTest {

    private static Mat frame(int w, int h, int grey) {
        return new Mat(h, w, CV_8UC3, new Scalar(grey, grey, grey, 0));
    }

    @Test
    void marksOnlyTheBottomRightCorner() {
        Mat before = frame(1280, 720, 128);
        Mat after = before.clone();
        VisibleLabel.draw(after);
        Rect box = VisibleLabel.box(1280, 720);
        assertTrue(box.x() > 1280 * 3 / 4 && box.y() > 720 * 3 / 4, "bottom-right: " + box.x() + "," + box.y());
        assertTrue(box.x() + box.width() < 1280 && box.y() + box.height() < 720, "inside the frame, with a margin");
        int changedOutside = changedPixels(before, after) - changedPixels(crop(before, box), crop(after, box));
        assertEquals(0, changedOutside, "nothing changes outside the box");
        assertTrue(changedPixels(crop(before, box), crop(after, box)) > box.area() * 0.9, "the whole box is marked");
    }

    @Test
    void readsOnWhiteAndOnBlack() {
        for (int grey : new int[] {0, 255}) {
            Mat f = frame(1280, 720, grey);
            VisibleLabel.draw(f);
            Mat box = crop(f, VisibleLabel.box(1280, 720));
            int text = above(box, 200);
            assertTrue(text > box.rows() * box.cols() * 0.05, "white text strokes on grey " + grey + ": " + text);
            double background = mean(box).get(0);
            assertTrue(background < 200 * 0.9, "the box darkens what is under it: " + background);
        }
    }

    @Test
    void scalesWithTheShorterSide() {
        Rect small = VisibleLabel.box(640, 360);
        Rect hd = VisibleLabel.box(1920, 1080);
        double ratio = hd.height() / (double) small.height();
        assertTrue(ratio > 2.5 && ratio < 3.5, "1080p box " + hd.height() + " px, 360p " + small.height() + " px");
        Rect landscape = VisibleLabel.box(1280, 720);
        Rect portrait = VisibleLabel.box(720, 1280);
        assertEquals(landscape.width(), portrait.width());
        assertEquals(landscape.height(), portrait.height());
        assertTrue(portrait.x() + portrait.width() <= 720, "fits a portrait frame");
    }

    @Test
    void theSameFrameGetsTheSamePixels() {
        Mat a = frame(854, 480, 90);
        Mat b = a.clone();
        VisibleLabel.draw(a);
        VisibleLabel.draw(b);
        assertEquals(0, changedPixels(a, b), "a chunk written again after a restart is identical");
    }

    @Test
    void aTinyFrameStillGetsAMarkInsideIt() {
        Mat f = frame(64, 48, 128);
        VisibleLabel.draw(f);
        Rect box = VisibleLabel.box(64, 48);
        assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= 64 && box.y() + box.height() <= 48);
    }

    private static Mat crop(Mat m, Rect r) {
        return m.apply(r).clone();
    }

    private static int changedPixels(Mat a, Mat b) {
        Mat diff = new Mat();
        opencv_core.absdiff(a, b, diff);
        Mat grey = new Mat();
        opencv_imgproc.cvtColor(diff, grey, opencv_imgproc.COLOR_BGR2GRAY);
        return countNonZero(grey);
    }

    private static int above(Mat bgr, int level) {
        int n = 0;
        UByteIndexer ix = bgr.createIndexer();
        for (int y = 0; y < bgr.rows(); y++) {
            for (int x = 0; x < bgr.cols(); x++) {
                if (ix.get(y, x, 0) > level && ix.get(y, x, 1) > level && ix.get(y, x, 2) > level) {
                    n++;
                }
            }
        }
        ix.close();
        return n;
    }
}
