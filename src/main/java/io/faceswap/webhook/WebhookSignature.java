package io.faceswap.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's signature scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, with one
 * {@code v1} per valid secret so that a receiver holding either the old or the new secret accepts during a roll.
 * The timestamp is signed too, so a captured message cannot be replayed later with a fresh {@code t}.
 */
public final class WebhookSignature {
    public static final String HEADER = "ClipZap-Signature";

    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code unixSeconds}, signed with each of {@code secrets}. */
    public static String header(long unixSeconds, List<String> secrets, byte[] body) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(sign(secret, unixSeconds, body));
        }
        return header.toString();
    }

    /** Lower-case hex HMAC-SHA256 of {@code t + "." + body}. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * What a receiver does: true when one {@code v1} matches {@code secret} and {@code t} is within
     * {@code toleranceSeconds} of {@code nowSeconds}. Compared in constant time.
     */
    public static boolean verify(String header, String secret, byte[] body, long nowSeconds, long toleranceSeconds) {
        long t = -1;
        List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (t < 0 || Math.abs(nowSeconds - t) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : signatures) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
