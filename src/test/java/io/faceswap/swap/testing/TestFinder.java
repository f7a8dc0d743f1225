package io.faceswap.swap.testing;

import io.faceswap.swap.face.FaceFinder;

/**
 * One face finder (the detectors and the mesh model) for every engine test of a test JVM, built on first use: each
 * test class used to build and close its own. Tests run one at a time (surefire runs no classes in parallel here),
 * and a finder is safe for sequential use; its native memory goes with the JVM.
 */
public final class TestFinder {
    private static FaceFinder shared;

    private TestFinder() {}

    public static synchronized FaceFinder shared() {
        if (shared == null) {
            shared = new FaceFinder();
        }
        return shared;
    }
}
