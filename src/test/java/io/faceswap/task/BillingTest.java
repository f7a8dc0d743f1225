package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BillingTest {

    @Test
    void aVideoIsBilledItsLengthAtThirtyFramesPerSecondOrFewer() {
        assertEquals(10.0, Billing.billableSeconds(10.0, 300));
        assertEquals(10.0, Billing.billableSeconds(10.0, 240), "24 fps: the length, not the frames");
    }

    @Test
    void aHighFrameRateBuysNoFramesForFree() {
        // 10 s at 120 fps is 1200 frames: billed as 40 s of 30 fps work
        assertEquals(40.0, Billing.billableSeconds(10.0, 1200));
    }

    @Test
    void aSingleFrameCostsItsThirtiethOfASecondAtLeast() {
        assertEquals(1 / 30.0, Billing.billableSeconds(0.0, 1), 1e-12);
    }
}
