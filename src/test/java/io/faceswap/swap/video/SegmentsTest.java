package io.faceswap.swap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which segment files the assembly joins, from their names alone. */
class SegmentsTest {
    @TempDir
    Path dir;

    private void segments(long... bounds) throws IOException {
        for (int i = 0; i < bounds.length; i += 2) {
            Files.createFile(Segments.file(dir, bounds[i], bounds[i + 1]));
        }
    }

    private List<String> chain(long from, long to) {
        return Segments.chain(dir, from, to).stream()
                .map(p -> p.getFileName().toString().replace(".mp4", ""))
                .map(n -> Long.parseLong(n.substring(0, 10)) + "-" + Long.parseLong(n.substring(11)))
                .toList();
    }

    @Test
    void chunksInOrder() throws IOException {
        segments(0, 30, 30, 60, 60, 75);
        assertEquals(List.of("0-30", "30-60", "60-75"), chain(0, 75));
    }

    @Test
    void theLongerOfTwoSegmentsAtAFrame() throws IOException {
        segments(0, 1, 1, 30, 0, 30, 30, 40);
        assertEquals(List.of("0-30", "30-40"), chain(0, 40));
    }

    /**
     * A chunk [30, 60) written but not committed, redone in place a frame at a time; a second fault at frame 36 ended
     * that retry there, so the chunks after it start at 37. The longest segment at 30 leads nowhere (nothing starts at
     * 60): the chain goes through the one-frame segments instead.
     */
    @Test
    void aChunkRedoneAFrameAtATimeAfterWhichChunksStartElsewhere() throws IOException {
        segments(0, 30, 30, 60, 67, 97, 37, 67, 97, 100);
        for (long f = 30; f < 37; f++) {
            segments(f, f + 1);
        }
        List<String> expected = new ArrayList<>(List.of("0-30"));
        for (long f = 30; f < 37; f++) {
            expected.add(f + "-" + (f + 1));
        }
        expected.addAll(List.of("37-67", "67-97", "97-100"));
        assertEquals(expected, chain(0, 100));
    }

    @Test
    void aTrimmedRangeStartsAtItsFirstFrame() throws IOException {
        segments(10, 40, 40, 50);
        assertEquals(List.of("10-40", "40-50"), chain(10, 50));
    }

    @Test
    void aMissingFrameIsNamed() throws IOException {
        segments(0, 30, 31, 60);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> chain(0, 60));
        assertTrue(e.getMessage().startsWith("No segment starts at frame 30 "), e.getMessage());
    }

    @Test
    void aChainMustEndExactlyAtTheLastFrame() throws IOException {
        segments(0, 30, 30, 70);
        assertThrows(IllegalStateException.class, () -> chain(0, 60));
    }
}
