package io.faceswap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void generatedKeysAreSkPlus40Base62AndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String key = ApiKeyFormat.generate();
            assertTrue(key.matches("sk-[0-9A-Za-z]{40}"), key);
            assertTrue(ApiKeyFormat.isWellFormed(key));
            assertTrue(seen.add(key), "duplicate key");
        }
    }

    @Test
    void generatedCharactersCoverTheWholeAlphabetRoughlyEvenly() {
        int[] counts = new int[128];
        int total = 0;
        for (int i = 0; i < 3000; i++) {
            for (char c : ApiKeyFormat.generate().substring(3).toCharArray()) {
                counts[c]++;
                total++;
            }
        }
        double expected = total / 62.0;
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray()) {
            assertTrue(Math.abs(counts[c] - expected) < expected * 0.15, c + ": " + counts[c] + " vs " + expected);
        }
    }

    @Test
    void hashIsSha256HexOfTheWholeKey() {
        // SHA-256("abc"), FIPS 180-2 test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyFormat.hash("abc"));
        String key = ApiKeyFormat.generate();
        assertEquals(ApiKeyFormat.hash(key), ApiKeyFormat.hash(key));
        assertNotEquals(ApiKeyFormat.hash(key), ApiKeyFormat.hash(key + "x"));
        assertFalse(ApiKeyFormat.hash(key).contains(key.substring(3)));
    }

    @Test
    void maskShowsOnlyTheFirstAndLastFourCharacters() {
        String key = "sk-ABCDefghijklmnopqrstuvwxyz0123456789WXYZ";
        assertEquals("sk-ABCD" + "*".repeat(32) + "WXYZ", ApiKeyFormat.mask(key));
        assertEquals(key.length(), ApiKeyFormat.mask(key).length());
    }

    @Test
    void wellFormednessRejectsOtherShapes() {
        for (String bad : new String[] {
            null,
            "",
            "sk-",
            "sk-short",
            "pk-" + "a".repeat(40),
            "sk-" + "a".repeat(39) + "!",
            "sk-" + "a".repeat(129),
            " sk-" + "a".repeat(40)
        }) {
            assertFalse(ApiKeyFormat.isWellFormed(bad), String.valueOf(bad));
        }
        assertTrue(ApiKeyFormat.isWellFormed("sk-" + "a".repeat(32)));
    }

    @Test
    void objectIdsAre24HexCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = SecureTokens.objectId();
            assertTrue(id.matches("[0-9a-f]{24}"), id);
            assertTrue(seen.add(id));
        }
    }
}
