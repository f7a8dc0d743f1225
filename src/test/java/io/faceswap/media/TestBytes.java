package io.faceswap.media;

/** Deterministic non-trivial test content. */
final class TestBytes {

    private TestBytes() {}

    static byte[] of(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
