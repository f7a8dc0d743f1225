package io.faceswap.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks headers (standardwebhooks.com), sent beside {@code ClipZap-Signature} so that receivers can
 * use that specification's libraries: {@code webhook-id} (the event id, the same on every retry and replay),
 * {@code webhook-timestamp} (unix seconds) and {@code webhook-signature}, a space-separated {@code v1,<base64>} per
 * valid secret, each the HMAC-SHA256 of {@code id + "." + timestamp + "." + body} keyed with the base64-decoded
 * part of the {@code whsec_} secret, as the specification defines it.
 */
public final class StandardWebhooks {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private StandardWebhooks() {}

    public static Map<String, String> headers(String id, long unixSeconds, List<String> secrets, byte[] body) {
        String signatures = secrets.stream()
                .map(s -> "v1," + sign(s, id, unixSeconds, body))
                .collect(Collectors.joining(" "));
        return Map.of(ID, id, TIMESTAMP, Long.toString(unixSeconds), SIGNATURE, signatures);
    }

    static String sign(String secret, String id, long unixSeconds, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(WebhookSecrets.PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
