package io.faceswap.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * JUMBF boxes (ISO/IEC 19566-5) as C2PA uses them: a superbox ({@code jumb}) opens with a description box
 * ({@code jumd}: type UUID, toggles "requestable, labelled", the label) followed by its content boxes.
 */
final class Jumbf {
    private Jumbf() {}

    // C2PA's JUMBF type UUIDs: four characters, then the ISO suffix 0011-0010-800000AA00389B71
    static final String STORE = "6332706100110010800000AA00389B71"; // c2pa
    static final String MANIFEST = "63326D6100110010800000AA00389B71"; // c2ma
    static final String ASSERTIONS = "6332617300110010800000AA00389B71"; // c2as
    static final String CLAIM = "6332636C00110010800000AA00389B71"; // c2cl
    static final String SIGNATURE = "6332637300110010800000AA00389B71"; // c2cs
    static final String CBOR = "63626F7200110010800000AA00389B71"; // cbor

    static byte[] box(String type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
        int size = payload.length + 8;
        out.write(size >>> 24);
        out.write(size >>> 16);
        out.write(size >>> 8);
        out.write(size);
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** The superbox's contents without its own 8-byte header: what a hashed URI to it hashes. */
    static byte[] superboxPayload(String typeUuid, String label, byte[]... contents) {
        ByteArrayOutputStream description = new ByteArrayOutputStream();
        description.writeBytes(HexFormat.of().parseHex(typeUuid));
        description.write(0x03); // requestable, label present
        description.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        description.write(0);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(box("jumd", description.toByteArray()));
        for (byte[] content : contents) {
            payload.writeBytes(content);
        }
        return payload.toByteArray();
    }

    static byte[] superbox(String typeUuid, String label, byte[]... contents) {
        return box("jumb", superboxPayload(typeUuid, label, contents));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
