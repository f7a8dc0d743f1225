package io.faceswap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aMessageThatFitsItsColumnIsKeptAsItIs() {
        assertNull(Messages.clip(null));
        assertEquals("", Messages.clip(""));
        String full = "x".repeat(500);
        assertSame(full, Messages.clip(full));
    }

    @Test
    void aLongerOneIsCutToFiveHundredCharactersEndingInAnEllipsis() {
        String clipped = Messages.clip("a".repeat(497) + "bcdef");
        assertEquals(500, clipped.length());
        assertEquals("a".repeat(497) + "...", clipped);
        assertEquals(500, Messages.clip("z".repeat(100_000)).length());
    }
}
