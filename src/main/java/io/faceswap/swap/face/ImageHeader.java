package io.faceswap.swap.face;

/**
 * An image's width and height read from its header, before anything is decoded: a small file can declare a huge
 * picture (a 420 KB PNG of 20000x20000 decodes to 1.2 GB), so the size is checked first. Knows PNG (IHDR), JPEG
 * (the first SOFn frame header), WebP (VP8, VP8L, VP8X), BMP and GIF; anything else is {@code null}.
 */
record ImageHeader(String format, long width, long height) {

    long pixels() {
        return width * height;
    }

    /** The header's size, or null when the bytes are none of the known formats or are cut short. */
    static ImageHeader read(byte[] b) {
        try {
            if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && starts(b, 12, 'I', 'H', 'D', 'R')) {
                return new ImageHeader("PNG", u32be(b, 16), u32be(b, 20));
            }
            if (starts(b, 0, 0xFF, 0xD8)) {
                return jpeg(b);
            }
            if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
                return webp(b);
            }
            if (starts(b, 0, 'B', 'M')) {
                return new ImageHeader("BMP", Math.abs(s32le(b, 18)), Math.abs(s32le(b, 22)));
            }
            if (starts(b, 0, 'G', 'I', 'F', '8')) {
                return new ImageHeader("GIF", u16le(b, 6), u16le(b, 8));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return null; // truncated header: let the decoder refuse it
        }
        return null;
    }

    /** Walks the marker segments up to the first start-of-frame (SOF0-15 but DHT C4, JPG C8, DAC CC). */
    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                i += 2; // no length
                continue;
            }
            int length = u16be(b, i + 2);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new ImageHeader("JPEG", u16be(b, i + 7), u16be(b, i + 5));
            }
            if (marker == 0xD9 || marker == 0xDA || length < 2) {
                return null; // end of image or scan data before any frame header
            }
            i += 2 + length;
        }
        return null;
    }

    private static ImageHeader webp(byte[] b) {
        if (starts(b, 12, 'V', 'P', '8', 'X')) { // extended: 24-bit canvas size minus one
            return new ImageHeader("WebP", u24le(b, 24) + 1L, u24le(b, 27) + 1L);
        }
        if (starts(b, 12, 'V', 'P', '8', 'L')) { // lossless: 14-bit sizes minus one after the 0x2F signature
            long bits = u32le(b, 21);
            return new ImageHeader("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (starts(b, 12, 'V', 'P', '8', ' ')) { // lossy: key frame start code, then 14-bit sizes
            return new ImageHeader("WebP", u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
        }
        return null;
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    private static long u32be(byte[] b, int i) {
        return (long) u16be(b, i) << 16 | u16be(b, i + 2);
    }

    private static int u16le(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return u16le(b, i) | (b[i + 2] & 0xFF) << 16;
    }

    private static long u32le(byte[] b, int i) {
        return u16le(b, i) | (long) u16le(b, i + 2) << 16;
    }

    private static long s32le(byte[] b, int i) {
        return (int) u32le(b, i);
    }
}
