package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.account.ApiKeyService;
import io.faceswap.billing.BillingService;
import io.faceswap.it.ApiClient.Reply;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * In the container: the sk filter caches keys for at most a second, and a key revoked on another node (here: the
 * row changed in the database behind this node's back, as another node's revocation would) is refused here within
 * that second. The request just before the change warms the cache, so the refusal has to wait for the entry to age.
 */
class KeyRevocationIT extends InContainerIT {
    /** The promise (1 s) plus room for a loaded machine's scheduling and the polling interval. */
    private static final Duration DEADLINE = Duration.ofMillis(1000 + 500);

    private static final String ME = "/v1/faceswap_openapi/me";

    @Inject
    ApiKeyService keys;

    @Inject
    BillingService billing;

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Test
    void aKeyRevokedOnAnotherNodeIsRefusedWithinOneSecond() throws Exception {
        String sk = cachedKey("revoked-elsewhere");
        Instant revokedAt =
                changeInDatabase(sk, "update ApiKey k set k.revokedAt = :t where k.keyHash = :h", Instant.now());
        Reply refused = pollUntilRefused(sk, revokedAt);
        assertEquals(40114, refused.code(), refused::toString);
    }

    @Test
    void aKeyExpiredOnAnotherNodeIsRefusedWithinOneSecond() throws Exception {
        String sk = cachedKey("expired-elsewhere");
        Instant changedAt = changeInDatabase(
                sk,
                "update ApiKey k set k.expiresAt = :t where k.keyHash = :h",
                Instant.now().minusSeconds(1));
        Reply refused = pollUntilRefused(sk, changedAt);
        assertEquals(40115, refused.code(), refused::toString);
    }

    /** A paid user's new key, used once so that this node holds it in its cache. */
    private String cachedKey(String prefix) {
        String user = ApiClient.uniqueUser(prefix);
        billing.recordPayment(user, 60, "ref-" + user);
        String sk = keys.create(user, "cached", 30).secret();
        assertEquals(200, ApiClient.of(base).get(ME, "X-ClipZap-Apikey", sk).status());
        return sk;
    }

    /** @return when the change committed */
    private Instant changeInDatabase(String sk, String jpql, Instant value) throws Exception {
        tx.begin();
        int changed = em.createQuery(jpql)
                .setParameter("t", value)
                .setParameter("h", io.faceswap.auth.ApiKeyFormat.hash(sk))
                .executeUpdate();
        tx.commit();
        assertEquals(1, changed);
        return Instant.now();
    }

    private Reply pollUntilRefused(String sk, Instant since) {
        ApiClient api = ApiClient.of(base);
        Reply refused = Await.until(
                "the changed key to be refused",
                DEADLINE.plusSeconds(5),
                Duration.ofMillis(20),
                () -> api.get(ME, "X-ClipZap-Apikey", sk),
                r -> r.status() == 401);
        Duration took = Duration.between(since, Instant.now());
        assertTrue(
                took.compareTo(DEADLINE) <= 0,
                "refused only after " + took.toMillis() + " ms (limit " + DEADLINE.toMillis() + " ms)");
        System.out.println("KeyRevocationIT: refused " + took.toMillis() + " ms after the change");
        return refused;
    }
}
