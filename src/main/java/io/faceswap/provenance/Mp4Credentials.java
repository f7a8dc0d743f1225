package io.faceswap.provenance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MP4 (ISO BMFF): an XMP {@code uuid} box and then the C2PA {@code uuid} box are appended as the last top-level
 * boxes, so no sample offset in {@code moov} moves. The binding is C2PA's BMFF hash (v3, as c2pa-rs writes it for a
 * file that is not fragmented): SHA-256 over each top-level box not excluded, each preceded by its file offset as a
 * big-endian 64-bit number; excluded are ftyp, free, skip, mfra and the C2PA box itself.
 */
final class Mp4Credentials {
    static final String LABEL = "c2pa.hash.bmff.v3";
    static final byte[] C2PA_UUID = HexFormat.of().parseHex("D8FEC3D61B0E483C92975828877EC481");
    static final byte[] XMP_UUID = HexFormat.of().parseHex("BE7ACFCB97A942E89C71999491E3AFAC");
    private static final List<String> EXCLUDED = List.of("ftyp", "free", "skip", "mfra");

    private Mp4Credentials() {}

    record Box(long offset, long size, String type, boolean c2pa) {}

    static void mark(Path in, Path out, ManifestStore store) throws IOException {
        refuseMarked(in);
        Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        appendCredentials(out, store);
    }

    /** Marks {@code file} itself: its boxes are appended, nothing before them moves. */
    static void markInPlace(Path file, ManifestStore store) throws IOException {
        refuseMarked(file);
        appendCredentials(file, store);
    }

    private static void refuseMarked(Path file) throws IOException {
        if (topLevelBoxes(file).stream().anyMatch(Box::c2pa)) {
            throw new IllegalArgumentException("The MP4 already carries a C2PA manifest");
        }
    }

    private static void appendCredentials(Path file, ManifestStore store) throws IOException {
        try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            o.write(uuidBox(XMP_UUID, Xmp.packet(store.uri())));
        }
        byte[] hash = hash(file);
        byte[] storeBytes = store.build(LABEL, assertion(hash));
        // the C2PA box: version and flags, purpose "manifest", offset of a Merkle box (none), the store
        byte[] purpose = "manifest\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = JpegCredentials.concat(new byte[4], purpose, new byte[8], storeBytes);
        try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            o.write(uuidBox(C2PA_UUID, body));
        }
    }

    static Map<String, Object> assertion(byte[] hash) {
        List<Object> exclusions = new ArrayList<>();
        Map<String, Object> c2pa = new LinkedHashMap<>();
        c2pa.put("xpath", "/uuid");
        c2pa.put("data", List.of(Map.of("offset", 8, "value", C2PA_UUID)));
        exclusions.add(c2pa);
        for (String type : EXCLUDED) {
            exclusions.add(Map.of("xpath", "/" + type));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exclusions", exclusions);
        m.put("alg", "sha256");
        m.put("hash", hash);
        m.put("name", "jumbf manifest");
        return m;
    }

    static byte[] hash(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Box box : topLevelBoxes(file)) {
                if (box.c2pa() || EXCLUDED.contains(box.type())) {
                    continue;
                }
                digest.update(ByteBuffer.allocate(8).putLong(box.offset()).array());
                long position = box.offset();
                long end = box.offset() + box.size();
                while (position < end) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                    int n = channel.read(buffer, position);
                    if (n < 0) {
                        throw new IOException("The MP4 ended inside a box");
                    }
                    digest.update(buffer.flip());
                    position += n;
                }
            }
        }
        return digest.digest();
    }

    static List<Box> topLevelBoxes(Path file) throws IOException {
        List<Box> boxes = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long offset = 0;
            ByteBuffer header = ByteBuffer.allocate(32);
            while (offset + 8 <= length) {
                header.clear();
                channel.read(header, offset);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                int headerSize = 8;
                if (size == 1) {
                    size = header.getLong(8);
                    headerSize = 16;
                } else if (size == 0) {
                    throw new IllegalArgumentException("An MP4 box of open size cannot be followed by credentials");
                }
                if (size < headerSize || offset + size > length) {
                    throw new IllegalArgumentException("Malformed MP4 box " + type + " at " + offset);
                }
                boolean c2pa = type.equals("uuid")
                        && header.limit() >= headerSize + 16
                        && java.util.Arrays.equals(header.array(), headerSize, headerSize + 16, C2PA_UUID, 0, 16);
                boxes.add(new Box(offset, size, type, c2pa));
                offset += size;
            }
        }
        return boxes;
    }

    private static byte[] uuidBox(byte[] uuid, byte[] body) {
        return Jumbf.box("uuid", JpegCredentials.concat(uuid, body));
    }
}
