package io.faceswap.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code sk-} and 40 base62 characters (about 238 random bits). Because keys are that
 * random, a plain SHA-256 is enough to store them: there is nothing to brute-force, and lookups stay a single
 * indexed equality.
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "sk-";
    static final int RANDOM_LENGTH = 40;
    private static final Pattern WELL_FORMED = Pattern.compile("sk-[0-9A-Za-z]{32,128}");
    private static final int SHOWN_HEAD = 4;
    private static final int SHOWN_TAIL = 4;

    private ApiKeyFormat() {}

    public static String generate() {
        return PREFIX + SecureTokens.base62(RANDOM_LENGTH);
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    /** Lower-case hex SHA-256 of the whole key. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code sk-AbCd************************************wXyZ}: enough to recognise a key, never enough to use it. */
    public static String mask(String key) {
        String body = key.substring(PREFIX.length());
        return PREFIX
                + body.substring(0, SHOWN_HEAD)
                + "*".repeat(body.length() - SHOWN_HEAD - SHOWN_TAIL)
                + body.substring(body.length() - SHOWN_TAIL);
    }
}
