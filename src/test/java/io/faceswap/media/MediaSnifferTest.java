package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSnifferTest {

    @Test
    void recognisesImages() {
        assertEquals(
                MediaKind.IMAGE, MediaSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)));
        assertEquals(MediaKind.IMAGE, MediaSniffer.sniff(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F')));
        assertEquals(MediaKind.IMAGE, MediaSniffer.sniff(ascii("GIF89a\u0001\u0000")));
        assertEquals(MediaKind.IMAGE, MediaSniffer.sniff(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ")));
        assertEquals(MediaKind.IMAGE, MediaSniffer.sniff(bytes('B', 'M', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0)));
        assertEquals(
                MediaKind.IMAGE, MediaSniffer.sniff(ascii("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000")));
    }

    @Test
    void recognisesVideos() {
        assertEquals(
                MediaKind.VIDEO, MediaSniffer.sniff(ascii("\u0000\u0000\u0000\u0020ftypisom\u0000\u0000\u0002\u0000")));
        assertEquals(
                MediaKind.VIDEO, MediaSniffer.sniff(ascii("\u0000\u0000\u0000\u0014ftypqt  \u0000\u0000\u0000\u0000")));
        assertEquals(MediaKind.VIDEO, MediaSniffer.sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81)));
        assertEquals(MediaKind.VIDEO, MediaSniffer.sniff(ascii("RIFF\u0000\u0010\u0000\u0000AVI LIST")));
        assertEquals(MediaKind.VIDEO, MediaSniffer.sniff(bytes('F', 'L', 'V', 0x01, 0x05, 0, 0, 0, 9)));
        byte[] ts = new byte[188 * 2];
        ts[0] = 0x47;
        ts[188] = 0x47;
        assertEquals(MediaKind.VIDEO, MediaSniffer.sniff(ts));
    }

    @Test
    void doesNotGuessFromWeakOrMissingSignatures() {
        assertEquals(MediaKind.UNKNOWN, MediaSniffer.sniff(new byte[0]));
        assertEquals(MediaKind.UNKNOWN, MediaSniffer.sniff(ascii("<!DOCTYPE html><html>")));
        assertEquals(MediaKind.UNKNOWN, MediaSniffer.sniff(ascii("BM is how this text starts")));
        assertEquals(MediaKind.UNKNOWN, MediaSniffer.sniff(bytes(0x47, 'E', 'T'))); // one sync byte is not a stream
        assertEquals(MediaKind.UNKNOWN, MediaSniffer.sniff(ascii("RIFF\u0000\u0000\u0000\u0000WAVEfmt ")));
        assertEquals(MediaKind.UNKNOWN, MediaSniffer.sniff(bytes(0x89, 'P', 'N')));
    }

    @Test
    void sniffsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("clip");
        Files.write(file, ascii("\u0000\u0000\u0000\u0020ftypmp42\u0000\u0000\u0000\u0000"));
        assertEquals(MediaKind.VIDEO, MediaSniffer.sniff(file));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
