package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.account.ApiKeyService;
import io.faceswap.billing.BillingService;
import io.faceswap.it.ApiClient.Reply;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * In the container: a key whose expiry has passed is refused with its own code and listed as expired. The expiry is
 * moved into the past in the database, since the API only issues keys that expire in a day or more.
 */
class ExpiredKeyIT extends InContainerIT {

    @Inject
    ApiKeyService keys;

    @Inject
    BillingService billing;

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Test
    void anExpiredKeyIsRefusedAndListedAsExpired() throws Exception {
        String user = ApiClient.uniqueUser("expired");
        billing.recordPayment(user, 60, "ref-" + user);
        ApiKeyService.Created created = keys.create(user, "soon", 1);
        ApiClient api = ApiClient.of(base);
        assertEquals(
                200,
                api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", created.secret())
                        .status());

        tx.begin();
        em.createQuery("update ApiKey k set k.expiresAt = :t where k.id = :id")
                .setParameter("t", Instant.now().minusSeconds(1))
                .setParameter("id", created.key().getId())
                .executeUpdate();
        tx.commit();

        // the row changed behind the sk filter's cache, as on another node: refused within its second
        Reply refused = Await.until(
                "the expired key refused",
                java.time.Duration.ofMillis(1500),
                () -> api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", created.secret()),
                r -> r.status() != 200);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals(40115, refused.code());
        Reply list = api.adminGet("/v1/openapi_account/list?userId=" + user);
        assertEquals(
                "expired", list.data().getJsonArray("list").getJsonObject(0).getString("status"));
    }
}
