package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing and checking result links: lifetime, tampering, expiry and a key roll that breaks no link. */
class ResultLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private static final String ID = "65f1c0ffee0ddba11c0ffee1";
    private static final String OLD = "k1 " + secret(1);
    private static final String NEW = "k2 " + secret(2);

    private static String secret(int seed) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) seed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static ResultLinks links(String keys, Instant now) {
        ResultLinks links = new ResultLinks();
        links.keys = new ResultLinkKeys();
        links.keys.configured = Optional.of(keys);
        links.clock = Clock.fixed(now, ZoneOffset.UTC);
        links.ttlSeconds = 86_400;
        links.retentionDays = 7;
        return links;
    }

    private static TaskRead succeeded(Instant finishedAt) {
        return new TaskRead(
                ID,
                "u",
                null,
                "i",
                "v",
                null,
                TargetKind.VIDEO,
                2,
                TaskStatus.SUCCEEDED,
                50,
                50,
                null,
                null,
                finishedAt,
                finishedAt,
                50,
                1,
                2,
                finishedAt,
                finishedAt,
                false,
                null,
                null,
                null,
                false,
                null,
                null,
                0,
                0,
                0);
    }

    private static String query(String url, String name) {
        for (String part : URI.create(url).getRawQuery().split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    private static ErrorCode refusal(Runnable r) {
        return assertThrows(ApiException.class, r::run).error();
    }

    @Test
    void aLinkLivesItsTtlButNeverPastTheRetention() {
        ResultLinks.Link fresh =
                links(OLD, NOW).link(succeeded(NOW), URI.create("http://h/")).orElseThrow();
        assertEquals(NOW.plusSeconds(86_400), fresh.expiresAt());
        assertTrue(fresh.url().startsWith("http://h/v1/faceswap_openapi/result_link/" + ID + "?expires="));

        Instant longAgo = NOW.minus(Duration.ofDays(7)).plusSeconds(600);
        ResultLinks.Link late = links(OLD, NOW)
                .link(succeeded(longAgo), URI.create("http://h/"))
                .orElseThrow();
        assertEquals(longAgo.plus(Duration.ofDays(7)), late.expiresAt(), "the retention ends first");
        assertTrue(links(OLD, NOW)
                .link(succeeded(NOW.minus(Duration.ofDays(8))), URI.create("http://h/"))
                .isEmpty());
    }

    @Test
    void aLinkIsRefusedWhenAnyPartChangesAndAfterItExpires() {
        String url = links(OLD, NOW)
                .link(succeeded(NOW), URI.create("http://h/"))
                .orElseThrow()
                .url();
        String expires = query(url, "expires");
        String sig = query(url, "sig");
        ResultLinks checker = links(OLD, NOW.plusSeconds(60));
        assertEquals(ID, checker.verify(ID, expires, "k1", sig));

        char c = sig.charAt(5);
        String oneCharOff = sig.substring(0, 5) + (c == 'A' ? 'B' : 'A') + sig.substring(6);
        assertEquals(ErrorCode.LINK_INVALID, refusal(() -> checker.verify(ID, expires, "k1", oneCharOff)));
        assertEquals(
                ErrorCode.LINK_INVALID, refusal(() -> checker.verify("65f1c0ffee0ddba11c0ffee2", expires, "k1", sig)));
        long later = Long.parseLong(expires) + 1;
        assertEquals(ErrorCode.LINK_INVALID, refusal(() -> checker.verify(ID, "" + later, "k1", sig)));
        assertEquals(ErrorCode.LINK_INVALID, refusal(() -> checker.verify(ID, expires, "k9", sig)));
        assertEquals(ErrorCode.LINK_INVALID, refusal(() -> checker.verify("../x", expires, "k1", sig)));

        ResultLinks afterwards = links(OLD, NOW.plusSeconds(86_400));
        assertEquals(ErrorCode.LINK_EXPIRED, refusal(() -> afterwards.verify(ID, expires, "k1", sig)));
    }

    @Test
    void aRollSignsWithTheNewKeyAndKeepsOldLinksWorking() {
        String before = links(OLD, NOW)
                .link(succeeded(NOW), URI.create("http://h/"))
                .orElseThrow()
                .url();
        ResultLinks rolled = links(NEW + "\n" + OLD, NOW.plusSeconds(60));
        assertEquals(ID, rolled.verify(ID, query(before, "expires"), "k1", query(before, "sig")));
        String after = rolled.link(succeeded(NOW), URI.create("http://h/"))
                .orElseThrow()
                .url();
        assertEquals("k2", query(after, "kid"));
        ResultLinks dropped = links(NEW, NOW.plusSeconds(60));
        assertEquals(
                ErrorCode.LINK_INVALID,
                refusal(() -> dropped.verify(ID, query(before, "expires"), "k1", query(before, "sig"))));
    }

    @Test
    void keyRingsRefuseShortOrRepeatedKeys() {
        assertThrows(
                IllegalArgumentException.class,
                () -> KeyRing.parse("k1 " + secret(1).substring(0, 20)));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse(OLD + "," + OLD));
        assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("# nothing"));
        assertEquals(
                "k2",
                KeyRing.parse(KeyRing.parse(NEW + "\n" + OLD).text()).current().id());
    }
}
