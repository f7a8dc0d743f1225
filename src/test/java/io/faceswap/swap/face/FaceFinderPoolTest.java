package io.faceswap.swap.face;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Finders are lent to one worker at a time and reused, not rebuilt per worker (issue 10). */
class FaceFinderPoolTest {

    @AfterEach
    void empty() {
        FaceFinderPool.clear();
    }

    @Test
    void aFinderGivenBackIsLentAgainAndTwoWorkersNeverShareOne() {
        FaceFinderPool.clear();
        FaceFinderPool.warmUp();
        FaceFinder first = FaceFinderPool.borrow();
        FaceFinder second = FaceFinderPool.borrow();
        assertNotSame(first, second, "a finder lent out is not lent again");
        FaceFinderPool.giveBack(first);
        assertSame(first, FaceFinderPool.borrow(), "an idle finder is reused");
        FaceFinderPool.giveBack(first);
        FaceFinderPool.giveBack(second);
    }
}
