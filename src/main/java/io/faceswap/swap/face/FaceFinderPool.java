package io.faceswap.swap.face;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Finders for the workers of this process, built once and reused: a finder holds three TensorFlow Lite interpreters,
 * which are not thread-safe, so each is lent to one worker at a time. Building them loads the runtime and packs
 * each model's weights for XNNPACK; {@link #warmUp()} pays that before the first task, and later workers borrow a
 * finder instead of building one.
 */
public final class FaceFinderPool {
    /** More idle finders than this (more workers than ever run at once) are closed on return. */
    private static final int MAX_IDLE = 8;

    private static final Deque<FaceFinder> IDLE = new ConcurrentLinkedDeque<>();

    private FaceFinderPool() {}

    /** An idle finder, or a new one; give it back with {@link #giveBack} when done. */
    public static FaceFinder borrow() {
        FaceFinder finder = IDLE.pollFirst();
        return finder != null ? finder : new FaceFinder();
    }

    public static void giveBack(FaceFinder finder) {
        if (IDLE.size() < MAX_IDLE) {
            IDLE.offerFirst(finder);
        } else {
            finder.close();
        }
    }

    /** Builds the models once, so the first task does not wait for them. */
    public static void warmUp() {
        giveBack(borrow());
    }

    /** Closes the idle finders (on undeploy: their interpreters are native memory). */
    public static void clear() {
        FaceFinder finder;
        while ((finder = IDLE.pollFirst()) != null) {
            finder.close();
        }
    }
}
