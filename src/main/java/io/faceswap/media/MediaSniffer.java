package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Guesses image or video from a file's first bytes (magic numbers), to reject obvious mismatches early and cheaply.
 * Only a hint: a matching header says nothing about whether the rest decodes, so the decoder stays the final judge.
 */
public final class MediaSniffer {

    /** Enough for every signature below, including the second MPEG-TS sync byte of 192-byte M2TS packets. */
    public static final int HEADER_BYTES = 512;

    // ISO-BMFF brands that are still images (HEIF/AVIF); every other ftyp brand is taken as video (MP4, MOV, 3GP...)
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "mif1", "avif");
    // QuickTime files from before the ftyp box start directly with one of these atoms
    private static final Set<String> LEGACY_QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "pnot");

    private MediaSniffer() {}

    public static MediaKind sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEADER_BYTES));
        }
    }

    /** Classifies the first bytes of a file; pass at least {@link #HEADER_BYTES} when the file has them. */
    public static MediaKind sniff(byte[] header) {
        if (isImage(header)) {
            return MediaKind.IMAGE;
        }
        return isVideo(header) ? MediaKind.VIDEO : MediaKind.UNKNOWN;
    }

    private static boolean isImage(byte[] h) {
        return startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)
                || startsWith(h, 0, 0xff, 0xd8, 0xff)
                || ascii(h, 0, 6).equals("GIF87a")
                || ascii(h, 0, 6).equals("GIF89a")
                || (ascii(h, 0, 4).equals("RIFF") && ascii(h, 8, 4).equals("WEBP"))
                // "BM" alone is too common a start; the four reserved header bytes after the size must be zero
                || (ascii(h, 0, 2).equals("BM") && h.length >= 10 && startsWith(h, 6, 0, 0, 0, 0))
                || (ascii(h, 4, 4).equals("ftyp") && IMAGE_BRANDS.contains(ascii(h, 8, 4)));
    }

    private static boolean isVideo(byte[] h) {
        return ascii(h, 4, 4).equals("ftyp")
                || LEGACY_QUICKTIME_ATOMS.contains(ascii(h, 4, 4))
                || startsWith(h, 0, 0x1a, 0x45, 0xdf, 0xa3) // EBML: Matroska and WebM
                || (ascii(h, 0, 4).equals("RIFF") && ascii(h, 8, 4).equals("AVI "))
                || startsWith(h, 0, 'F', 'L', 'V', 0x01)
                || isTransportStream(h, 0, 188)
                || isTransportStream(h, 4, 192);
    }

    /** A lone 0x47 is too weak a signal, so two sync bytes one packet apart are required. */
    private static boolean isTransportStream(byte[] h, int first, int packetSize) {
        return h.length > first + packetSize && h[first] == 0x47 && h[first + packetSize] == 0x47;
    }

    private static boolean startsWith(byte[] h, int offset, int... expected) {
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] h, int offset, int length) {
        return h.length < offset + length
                ? ""
                : new String(Arrays.copyOfRange(h, offset, offset + length), StandardCharsets.ISO_8859_1);
    }
}
