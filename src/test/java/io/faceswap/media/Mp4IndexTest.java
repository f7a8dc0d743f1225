package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MP4 index reader on a real clip (10 s, H.264 with B-frames and AAC, index at the end) and on damaged and made-up files: every
 * size and count is checked before use, so a hostile file ends in an {@link Mp4Exception} (and a whole download),
 * never in a read outside the data, a huge allocation or a long loop.
 */
class Mp4IndexTest {

    private static byte[] file;
    private static byte[] moov;
    private static int moovAt;

    @BeforeAll
    static void clip() throws IOException {
        Path clip = SpanClips.clip("mp4-index", false, 12, 250);
        file = Files.readAllBytes(clip);
        moovAt = indexOf(file, "moov", 0) - 4;
        moov = java.util.Arrays.copyOfRange(
                file, moovAt, moovAt + ByteBuffer.wrap(file, moovAt, 4).getInt());
    }

    @Test
    void plansAWindowWithinTheFileAndTheWholeDurationAsNearlyAllOfIt() {
        MemoryFile source = new MemoryFile(file.length).put(0, file);
        ByteBuffer found = Mp4Layout.moov(source);
        assertArrayEquals(moov, bytes(found));
        Mp4Index index = Mp4Index.parse(found, file.length);

        ByteSpans window = index.spans(6.0, 7.0);
        ByteSpans all = index.spans(0, null);
        System.out.printf("%d-byte clip: 6-7 s needs %s, all of it %s%n", file.length, window, all);
        for (ByteSpans.Span s : all.list()) {
            assertTrue(s.end() <= moovAt, "samples lie in the media data, before the index: " + s);
        }
        assertTrue(window.length() < all.length() / 2, window + " of " + all);
        assertTrue(all.length() > (moovAt - 48) * 0.95, "every sample: " + all);
        assertEquals(all.length(), new ByteSpans().addAll(all).addAll(window).length(), "the window is inside");
    }

    @Test
    void walksSixtyFourBitAndToTheEndSizesWithoutReadingTheMediaData() {
        long huge = 3L << 32; // a 12 GiB media box: only its header may be read
        MemoryFile source = new MemoryFile(48 + moov.length + 16 + huge)
                .put(0, box("ftyp", 16))
                .put(16, largeBox("free", 32))
                .put(48, moov)
                .put(48 + moov.length, largeBox("mdat", 16 + huge));

        assertArrayEquals(moov, bytes(Mp4Layout.moov(source)));
        assertTrue(source.read().length() < 3 * Mp4Layout.PEEK, "read " + source.read());

        MemoryFile toTheEnd = new MemoryFile(1L << 40).put(0, moov).put(moov.length, box("mdat", 0));
        assertArrayEquals(moov, bytes(Mp4Layout.moov(toTheEnd)));
    }

    @Test
    void findsTheIndexAfterAHugeMediaBox() {
        long huge = 5L << 30;
        MemoryFile source = new MemoryFile(16 + huge + moov.length)
                .put(0, largeBox("mdat", 16 + huge))
                .put(16 + huge, moov);

        assertArrayEquals(moov, bytes(Mp4Layout.moov(source)));
        assertEquals(2, source.read().count(), "the head and the index: " + source.read());
    }

    @Test
    void refusesLyingAndHostileTopLevels() {
        assertLayoutRefused(new MemoryFile(1000).put(0, box("mdat", 2000)), "a box past the end");
        assertLayoutRefused(new MemoryFile(1000).put(0, box("mdat", 4)), "a size below its header");
        MemoryFile bigMoov = new MemoryFile(1L << 30).put(0, box("moov", 200 << 20));
        assertLayoutRefused(bigMoov, "a 200 MB moov");
        assertTrue(bigMoov.read().length() <= Mp4Layout.PEEK, "not read: " + bigMoov.read());
        assertLayoutRefused(new MemoryFile(moov.length + 8).put(0, moov).put(moov.length, box("moof", 8)), "moof");
        assertLayoutRefused(new MemoryFile(2 * moov.length).put(0, moov).put(moov.length, moov), "two moovs");
        assertLayoutRefused(new MemoryFile(4096).put(0, box("mdat", 4096)), "no moov");
        MemoryFile many = new MemoryFile(40 * 8 + moov.length);
        for (int i = 0; i < 40; i++) {
            many.put(i * 8L, box("free", 8));
        }
        assertLayoutRefused(many.put(320, moov), "40 boxes");
        assertLayoutRefused(new MemoryFile(1L << 30).put(0, box("uuid", 2 << 20)), "a 2 MB uuid box");
    }

    @Test
    void refusesLyingTables() {
        assertIndexRefused(set(moov, "stsz", 16, 0xffff_fff0), "a count far past the stsz table");
        byte[] uniform = set(set(moov, "stsz", 12, 100), "stsz", 16, 0xffff_fff0);
        assertIndexRefused(uniform, "four billion samples of one size");
        assertIndexRefused(set(moov, "stco", 12, 0x4000_0000), "a chunk count past its table");
        assertIndexRefused(set(moov, "stsc", 16, 0), "a chunk map starting at chunk 0");
        assertIndexRefused(set(moov, "stsc", 20, 0), "zero samples per chunk");
        assertIndexRefused(set(moov, "mdhd", 20, 0), "a timescale of 0");
        assertIndexRefused(set(moov, "moov", 0, moov.length + 1), "a moov longer than its bytes");
        assertIndexRefused(set(moov, "avc1", 4, fourcc("vp09")), "a codec FFmpeg parses in full");
        assertIndexRefused(set(moov, "elst", 24, 0x20000), "a double-speed edit");
        byte[] outside = set(moov, "stco", 16, 0x7fff_0000);
        assertThrows(
                Mp4Exception.class,
                () -> Mp4Index.parse(ByteBuffer.wrap(outside), file.length).spans(0, null));
    }

    @Test
    void damageEndsInAnMp4ExceptionOrAPlanWithinTheFile() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(26);
            int refused = 0;
            for (int round = 0; round < 2000; round++) {
                byte[] damaged = moov.clone();
                for (int k = 1 + random.nextInt(6); k > 0; k--) {
                    damaged[8 + random.nextInt(damaged.length - 8)] = (byte) random.nextInt(256);
                }
                if (round % 10 == 0) { // now and then garbage over a whole stretch
                    int from = 8 + random.nextInt(damaged.length - 8);
                    for (int i = from; i < Math.min(damaged.length, from + 64); i++) {
                        damaged[i] = (byte) random.nextInt(256);
                    }
                }
                try {
                    ByteSpans plan = Mp4Index.parse(ByteBuffer.wrap(damaged), file.length)
                            .spans(1.0, 2.0);
                    plan.list().forEach(s -> assertTrue(s.end() <= file.length, "span " + s));
                } catch (Mp4Exception e) {
                    refused++;
                }
            }
            System.out.println("random damage to the index: " + refused + " of 2000 refused, the rest planned");
        });
    }

    private static void assertLayoutRefused(MemoryFile source, String what) {
        assertThrows(Mp4Exception.class, () -> Mp4Layout.moov(source), what);
    }

    private static void assertIndexRefused(byte[] damaged, String what) {
        assertThrows(Mp4Exception.class, () -> Mp4Index.parse(ByteBuffer.wrap(damaged), file.length), what);
    }

    /** A copy of {@code bytes} with the 32-bit field {@code offset} bytes after the first {@code type}'s size set. */
    private static byte[] set(byte[] bytes, String type, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(indexOf(copy, type, 0) - 4 + offset, value);
        return copy;
    }

    private static int indexOf(byte[] bytes, String type, int from) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = from; i + 4 <= bytes.length; i++) {
            if (bytes[i] == t[0] && bytes[i + 1] == t[1] && bytes[i + 2] == t[2] && bytes[i + 3] == t[3]) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }

    private static int fourcc(String type) {
        return ByteBuffer.wrap(type.getBytes(StandardCharsets.ISO_8859_1)).getInt();
    }

    /** A box header (32-bit size) followed by zeros up to {@code size}, or just the header for a size of 0. */
    private static byte[] box(String type, int size) {
        byte[] b = new byte[Math.max(8, Math.min(size, 4096))];
        ByteBuffer.wrap(b).putInt(size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        return b;
    }

    /** A box header with a 64-bit size. */
    private static byte[] largeBox(String type, long size) {
        byte[] b = new byte[16];
        ByteBuffer.wrap(b)
                .putInt(1)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .putLong(size);
        return b;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
