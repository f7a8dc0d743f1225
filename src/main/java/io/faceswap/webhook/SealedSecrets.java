package io.faceswap.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM for webhook signing secrets at rest: {@code v1:<base64(12-byte nonce | ciphertext | 16-byte tag)>}. The
 * row's id is the associated data, so a sealed value copied onto another user's row does not open. Plain Java,
 * thread-safe (a {@link Cipher} per call: they are not).
 */
final class SealedSecrets {
    static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SealedSecrets(SecretKey key) {
        this.key = key;
    }

    String seal(String id, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, id);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String open(String id, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a sealed webhook secret: row " + id);
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, NONCE_BYTES), id);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretSealer.WrongKey(id, e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String id) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
