package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BillingTest {

    @Test
    void aVideoIsBilledItsLengthAtThirtyFramesPerSecondOrFewer() {
        assertEquals(10.0, Billing.billableSeconds(10.0, 300));
        assertEquals(10.0, Billing.billableSeconds(10.0, 240), "24 fps: the length, not the frames");
        assertEquals(10.0, Billing.billableSeconds(10.0, 299), "29.97 fps (NTSC): the length");
    }

    @Test
    void aHighFrameRateBuysNoFramesForFree() {
        // 10 s at 120 fps is 1200 frames: billed as 40 s of 30 fps work
        assertEquals(40.0, Billing.billableSeconds(10.0, 1200));
        assertEquals(301 / 30.0, Billing.billableSeconds(10.0, 301), 1e-12, "one frame over 30 fps counts");
    }

    @Test
    void aSingleFrameCostsItsThirtiethOfASecondAtLeast() {
        assertEquals(1 / 30.0, Billing.billableSeconds(0.0, 1), 1e-12);
        assertEquals(0.0, Billing.billableSeconds(0.0, 0));
    }

    @Test
    void theChargeIsTheBillableSecondsRoundedUp() {
        assertEquals(7, Billing.chargedSeconds(10, 6.2, 186));
        assertEquals(6, Billing.chargedSeconds(10, 6.0, 180), "a whole second is not rounded up");
        assertEquals(1, Billing.chargedSeconds(10, 0.0, 1), "one frame costs a whole second");
        assertEquals(11, Billing.chargedSeconds(20, 10.0, 301), "301 frames bill as 10.03 s");
        assertEquals(0, Billing.chargedSeconds(10, 0.0, 0));
    }

    @Test
    void theChargeIsNeverMoreThanWasHeld() {
        assertEquals(10, Billing.chargedSeconds(10, 5.0, 600), "600 frames bill as 20 s; 10 were held");
        assertEquals(10, Billing.chargedSeconds(10, 10.4, 312), "a real length just over the declared one");
        assertEquals(0, Billing.chargedSeconds(0, 3.0, 90));
    }
}
