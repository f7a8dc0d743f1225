package io.faceswap.swap.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QualityFiguresTest {
    @Test
    void aFigureWithinItsTolerancePassesEitherWay() {
        assertEquals(0.40, QualityFigures.check("flicker.ratio", 0.40)); // committed 0.36 +- 0.08
        assertEquals(0.30, QualityFigures.check("flicker.ratio", 0.30));
    }

    @Test
    void aFigureOutsideItsToleranceFailsSayingWhichWay() {
        AssertionError worse = assertThrows(AssertionError.class, () -> QualityFigures.check("flicker.ratio", 0.50));
        assertTrue(worse.getMessage().contains("higher"), worse.getMessage());
        AssertionError better = assertThrows(AssertionError.class, () -> QualityFigures.check("flicker.ratio", 0.1));
        assertTrue(better.getMessage().contains("lower"), better.getMessage());
        assertThrows(AssertionError.class, () -> QualityFigures.check("flicker.ratio", Double.NaN));
    }

    @Test
    void anUncommittedFigureFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> QualityFigures.check("no.such.figure", 1));
        assertTrue(e.getMessage().contains("quality-figures.properties"), e.getMessage());
    }
}
