package io.faceswap.auth;

import java.security.SecureRandom;

/** Random tokens from {@link SecureRandom}, in base62 so they survive URLs, headers and copy-paste. */
public final class SecureTokens {
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {}

    public static String base62(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62[RANDOM.nextInt(BASE62.length)]; // nextInt is unbiased, unlike a modulo of a byte
        }
        return new String(out);
    }

    /** 24 lower-case hex characters (96 random bits), the id format ClipZap uses for objects. */
    public static String objectId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder(24);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
