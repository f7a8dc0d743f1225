package io.faceswap.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"id\":\"abc\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnIndependentlyComputedHmac() {
        // printf '%s' '1700000000.{"id":"abc","status":"succeeded"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals(
                "3194596f13a3324ad76df00cb304e6f06b817a24517450622150c8a12f6a6663",
                WebhookSignature.sign("whsec_test", 1_700_000_000L, BODY));
    }

    @Test
    void headerCarriesTheTimestampAndOneV1PerSecret() {
        String header = WebhookSignature.header(1_700_000_000L, List.of("whsec_new", "whsec_old"), BODY);
        assertTrue(header.startsWith("t=1700000000,v1="), header);
        assertEquals(2, header.split(",v1=").length - 1);
        assertTrue(WebhookSignature.verify(header, "whsec_new", BODY, 1_700_000_010L, 300));
        assertTrue(WebhookSignature.verify(header, "whsec_old", BODY, 1_700_000_010L, 300));
        assertFalse(WebhookSignature.verify(header, "whsec_other", BODY, 1_700_000_010L, 300));
    }

    @Test
    void aChangedBodyOrTimestampOrAnOldMessageFails() {
        String header = WebhookSignature.header(1_700_000_000L, List.of("whsec_a"), BODY);
        byte[] tampered = "{\"id\":\"abc\",\"status\":\"failed\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(WebhookSignature.verify(header, "whsec_a", tampered, 1_700_000_000L, 300));
        assertFalse(WebhookSignature.verify(
                header.replace("t=1700000000", "t=1700000001"), "whsec_a", BODY, 1_700_000_000L, 300));
        assertFalse(WebhookSignature.verify(header, "whsec_a", BODY, 1_700_000_301L, 300), "outside the tolerance");
        assertFalse(WebhookSignature.verify("v1=abc", "whsec_a", BODY, 1_700_000_000L, 300), "no timestamp");
    }
}
