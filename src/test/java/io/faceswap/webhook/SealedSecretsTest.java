package io.faceswap.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SealedSecretsTest {
    private static final String SECRET = "whsec_0123456789abcdefghijABCDEFGHIJ0123456789";
    private static final String ID = "65f1c0ffee0ddba11c0ffee1";

    private static SealedSecrets sealer(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return new SealedSecrets(new SecretKeySpec(key, "AES"));
    }

    @Test
    void aSealedSecretOpensToItselfAndDoesNotShowIt() {
        SealedSecrets s = sealer(1);
        String sealed = s.seal(ID, SECRET);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains("whsec_") || sealed.contains("0123456789"), sealed);
        String decoded = new String(
                Base64.getDecoder().decode(sealed.substring(3)), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(decoded.contains("whsec_"), "the ciphertext is not the secret");
        assertTrue(sealed.length() <= 200, "fits the column: " + sealed.length());
        assertEquals(SECRET, s.open(ID, sealed));
        assertNotEquals(sealed, s.seal(ID, SECRET), "a fresh nonce each time");
    }

    @Test
    void anotherKeyOrAnotherRowDoesNotOpenIt() {
        String sealed = sealer(1).seal(ID, SECRET);
        assertThrows(SecretSealer.WrongKey.class, () -> sealer(2).open(ID, sealed));
        assertThrows(SecretSealer.WrongKey.class, () -> sealer(1).open("65f1c0ffee0ddba11c0ffee2", sealed));
        assertThrows(IllegalArgumentException.class, () -> sealer(1).open(ID, SECRET));
    }
}
