package io.faceswap.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JPEG: the XMP packet in an APP1 segment and the manifest store in APP11 segments (JPEG XT boxes: "JP", box
 * instance 0x0211, sequence number, and from the second segment on the superbox's header again), placed after the
 * JFIF APP0 segment when there is one, right after SOI otherwise. Any XMP or C2PA segments already there are dropped.
 */
final class JpegCredentials {
    private static final int MAX_CHUNK = 64000;
    private static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);

    private JpegCredentials() {}

    static byte[] mark(byte[] jpeg, ManifestStore store) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(0xff);
        head.write(0xd8);
        int pos = 2;
        boolean afterApp0 = true;
        ByteArrayOutputStream later = new ByteArrayOutputStream();
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xff;
            if ((jpeg[pos] & 0xff) != 0xff || marker == 0xda) {
                break; // start of scan: the rest is entropy-coded data
            }
            int length = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            int end = pos + 2 + length;
            if (end > jpeg.length) {
                throw new IllegalArgumentException("Truncated JPEG segment");
            }
            boolean drop = (marker == 0xe1 && startsWith(jpeg, pos + 4, XMP_ID))
                    || (marker == 0xeb && startsWith(jpeg, pos + 4, new byte[] {'J', 'P'}));
            if (!drop) {
                afterApp0 &= marker == 0xe0;
                (afterApp0 ? head : later).write(jpeg, pos, end - pos);
            }
            pos = end;
        }
        later.write(jpeg, pos, jpeg.length - pos);
        head.writeBytes(segment(0xe1, concat(XMP_ID, Xmp.packet(store.uri()))));
        byte[] before = head.toByteArray();
        byte[] after = later.toByteArray();
        return DataHash.bind(store, before.length, JpegCredentials::app11, run -> concat(before, run, after));
    }

    private static byte[] app11(byte[] storeBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int sequence = 1;
        for (int off = 0; off < storeBytes.length; off += MAX_CHUNK, sequence++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(new byte[] {'J', 'P', 0x02, 0x11});
            body.write(sequence >>> 24);
            body.write(sequence >>> 16);
            body.write(sequence >>> 8);
            body.write(sequence);
            if (off > 0) {
                body.write(storeBytes, 0, 8);
            }
            body.write(storeBytes, off, Math.min(MAX_CHUNK, storeBytes.length - off));
            out.writeBytes(segment(0xeb, body.toByteArray()));
        }
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] body) {
        if (body.length + 2 > 0xffff) {
            throw new IllegalArgumentException("JPEG segment too large");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(marker);
        out.write((body.length + 2) >>> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
