package io.faceswap.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * PNG: the XMP packet in an iTXt chunk (keyword XML:com.adobe.xmp) and the manifest store in a caBX chunk, both
 * right after IHDR. The data hash excludes the whole caBX chunk (length, type, data, CRC). Any XMP or caBX chunks
 * already there are dropped.
 */
final class PngCredentials {
    private static final byte[] XMP_KEYWORD = "XML:com.adobe.xmp".getBytes(StandardCharsets.US_ASCII);

    private PngCredentials() {}

    static byte[] mark(byte[] png, ManifestStore store) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream later = new ByteArrayOutputStream();
        head.write(png, 0, 8);
        int pos = 8;
        boolean sawHeader = false;
        while (pos + 12 <= png.length) {
            int length = ((png[pos] & 0xff) << 24)
                    | ((png[pos + 1] & 0xff) << 16)
                    | ((png[pos + 2] & 0xff) << 8)
                    | (png[pos + 3] & 0xff);
            String type = new String(png, pos + 4, 4, StandardCharsets.US_ASCII);
            int end = pos + 12 + length;
            if (length < 0 || end > png.length) {
                throw new IllegalArgumentException("Truncated PNG chunk");
            }
            boolean drop = type.equals("caBX") || (type.equals("iTXt") && startsWith(png, pos + 8, XMP_KEYWORD));
            if (!drop) {
                (sawHeader ? later : head).write(png, pos, end - pos);
            }
            sawHeader |= type.equals("IHDR");
            pos = end;
        }
        ByteArrayOutputStream xmp = new ByteArrayOutputStream();
        xmp.writeBytes(XMP_KEYWORD);
        xmp.writeBytes(new byte[] {0, 0, 0, 0, 0}); // end of keyword, uncompressed, method, no language, no title
        xmp.writeBytes(Xmp.packet(store.uri()));
        head.writeBytes(chunk("iTXt", xmp.toByteArray()));
        byte[] before = head.toByteArray();
        byte[] after = later.toByteArray();
        return DataHash.bind(
                store,
                before.length,
                storeBytes -> chunk("caBX", storeBytes),
                run -> JpegCredentials.concat(before, run, after));
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length + 1 > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return data[at + prefix.length] == 0;
    }
}
