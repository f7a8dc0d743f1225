package io.faceswap.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our Standard Webhooks headers verify with the specification's reference library for Java, and only the body signed. */
class StandardWebhooksTest {
    // the specification's own example secret (whsec_ + base64) and a secret of the shape WebhookSecrets makes
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OURS = "whsec_" + "Ab3dEfGh1jKlMn0pQrStUvWxYz0123456789AbCd";

    @Test
    void theReferenceLibraryVerifiesWhatWeSign() {
        String body = "{\"id\":\"65f1c0ffee0ddba11c0ffee1\",\"status\":\"succeeded\"}";
        long now = Instant.now().getEpochSecond();
        for (String secret : List.of(SPEC_SECRET, OURS)) {
            Map<String, String> headers = StandardWebhooks.headers(
                    "evt_65f1c0ffee0ddba11c0ffee1", now, List.of(secret), body.getBytes(StandardCharsets.UTF_8));
            assertDoesNotThrow(() -> new Webhook(secret).verify(body, multi(headers)));
            assertThrows(
                    WebhookVerificationException.class,
                    () -> new Webhook(secret).verify(body.replace("succeeded", "failed"), multi(headers)));
        }
    }

    @Test
    void duringARollEitherSecretVerifies() {
        String body = "{}";
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = StandardWebhooks.headers(
                "evt_x", now, List.of(OURS, SPEC_SECRET), body.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, headers.get(StandardWebhooks.SIGNATURE).split(" ").length);
        assertDoesNotThrow(() -> new Webhook(OURS).verify(body, multi(headers)));
        assertDoesNotThrow(() -> new Webhook(SPEC_SECRET).verify(body, multi(headers)));
    }

    @Test
    void theLibrarysOwnSignatureEqualsOurs() throws Exception {
        long t = 1_614_265_330L;
        String body = "{\"test\": 2432232314}";
        String theirs = new Webhook(SPEC_SECRET).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", t, body);
        assertEquals(
                theirs,
                "v1,"
                        + StandardWebhooks.sign(
                                SPEC_SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", t, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, List<String>> multi(Map<String, String> headers) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }
}
