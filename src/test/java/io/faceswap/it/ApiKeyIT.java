package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key management API and the key filter, over HTTP against the deployed WAR. */
class ApiKeyIT extends DeployedWarIT {

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    @Test
    void keyCreationIsRefusedBeforeAnyPaymentAndAllowedAfter() {
        String user = ApiClient.uniqueUser("pay");
        Reply refused = api.newKey(user);
        assertEquals(402, refused.status(), refused::toString);
        assertEquals(40201, refused.code());
        assertTrue(refused.json().isNull("data"));

        assertEquals(201, api.pay(user, 120).status());
        Reply created = api.newKey(user);
        assertEquals(200, created.status(), created::toString);
        JsonObject key = created.data();
        String sk = key.getString("sk");
        assertTrue(sk.matches("sk-[0-9A-Za-z]{40}"), sk);
        assertTrue(key.getString("id").matches("[0-9a-f]{24}"));
        assertEquals(user, key.getString("userId"));
        assertEquals("active", key.getString("status"));
        assertEquals(sk.substring(0, 7), key.getString("maskedKey").substring(0, 7));
        assertFalse(key.getString("maskedKey").contains(sk.substring(7, sk.length() - 4)));

        Reply me = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
        assertEquals(200, me.status(), me::toString);
        assertEquals(user, me.data().getString("userId"));
        assertEquals(120, me.data().getJsonNumber("balanceSeconds").longValue());
    }

    @Test
    void paymentsAreIdempotentOnTheirReference() {
        String user = ApiClient.uniqueUser("idem");
        String body = "{\"userId\":\"" + user + "\",\"seconds\":30,\"reference\":\"r-" + user + "\"}";
        Reply first = api.adminPost("/v1/admin/payments", body);
        Reply again = api.adminPost("/v1/admin/payments", body);
        assertEquals(201, first.status(), first::toString);
        assertEquals(200, again.status(), again::toString);
        assertTrue(again.data().getBoolean("duplicate"));
        Reply other = api.adminPost("/v1/admin/payments", body.replace(":30", ":31"));
        assertEquals(409, other.status());
        assertEquals(40902, other.code());

        Reply account = api.adminGet("/v1/admin/users/" + user);
        assertEquals(30, account.data().getJsonNumber("balanceSeconds").longValue());
        assertEquals(1, account.data().getInt("paymentCount"));
    }

    @Test
    void listShowsKeysMaskedAndNeverTheSecretOrItsHash() {
        String user = ApiClient.uniqueUser("list");
        String sk = api.paidKey(user, 60);
        api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk); // sets lastUsedAt

        Reply list = api.adminGet("/v1/openapi_account/list?userId=" + user);
        assertEquals(200, list.status(), list::toString);
        assertFalse(list.body().contains(sk), "the secret must never be listed");
        assertFalse(list.body().contains(sk.substring(3, 20)), "no long piece of the secret either");
        assertFalse(list.body().toLowerCase().contains("hash"));
        JsonObject listed = list.data().getJsonArray("list").getJsonObject(0);
        assertTrue(listed.getString("maskedKey").matches("sk-.{4}\\*{32}.{4}"), listed.toString());
        assertEquals("active", listed.getString("status"));
        assertNotNull(listed.getString("lastUsedAt"));
        assertEquals(1, list.data().getInt("total"));
    }

    @Test
    void deleteRevokesAtOnceAndTheKeyIsRefusedAfterwards() {
        String user = ApiClient.uniqueUser("del");
        Reply created = api.newKey(user);
        assertEquals(402, created.status());
        String sk = api.paidKey(user, 60);
        String id = api.adminGet("/v1/openapi_account/list?userId=" + user)
                .data()
                .getJsonArray("list")
                .getJsonObject(0)
                .getString("id");
        assertEquals(
                200, api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk).status());

        Reply deleted =
                api.adminPost("/v1/openapi_account/delete", "{\"userId\":\"" + user + "\",\"id\":\"" + id + "\"}");
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals("revoked", deleted.data().getString("status"));

        Reply refused = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
        assertEquals(401, refused.status());
        assertEquals(40114, refused.code());
        assertEquals(
                "revoked",
                api.adminGet("/v1/openapi_account/list?userId=" + user)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0)
                        .getString("status"));
    }

    @Test
    void anotherUsersKeyIdIsNotFound() {
        String owner = ApiClient.uniqueUser("owner");
        String sk = api.paidKey(owner, 60);
        String id = api.adminGet("/v1/openapi_account/list?userId=" + owner)
                .data()
                .getJsonArray("list")
                .getJsonObject(0)
                .getString("id");
        String intruder = ApiClient.uniqueUser("intruder");
        api.pay(intruder, 10);

        Reply attempt =
                api.adminPost("/v1/openapi_account/delete", "{\"userId\":\"" + intruder + "\",\"id\":\"" + id + "\"}");
        assertEquals(404, attempt.status(), attempt::toString);
        assertEquals(40401, attempt.code());
        assertEquals(
                200,
                api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk).status(),
                "the owner's key still works");
        assertEquals(
                0,
                api.adminGet("/v1/openapi_account/list?userId=" + intruder)
                        .data()
                        .getInt("total"));
    }

    @Test
    void activeKeysPerUserAreCapped() {
        String user = ApiClient.uniqueUser("cap");
        api.pay(user, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, api.newKey(user).status());
        }
        Reply over = api.newKey(user);
        assertEquals(409, over.status());
        assertEquals(40903, over.code());
    }

    @Test
    void everyFilterRefusalHasItsOwnCode() {
        String user = ApiClient.uniqueUser("filter");
        String sk = api.paidKey(user, 60);
        Reply missing = api.get("/v1/faceswap_openapi/me");
        Reply blank = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", " ");
        Reply malformed = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", "sk-short");
        Reply wrongPrefix = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", "pk-" + sk.substring(3));
        Reply unknown = api.get(
                "/v1/faceswap_openapi/me",
                "X-ClipZap-Apikey",
                sk.substring(0, sk.length() - 1) + (sk.endsWith("a") ? "b" : "a"));
        for (Reply r : new Reply[] {missing, blank, malformed, wrongPrefix, unknown}) {
            assertEquals(401, r.status(), r::toString);
            assertFalse(r.body().contains(sk));
        }
        assertEquals(40111, missing.code());
        assertEquals(40111, blank.code());
        assertEquals(40112, malformed.code());
        assertEquals(40112, wrongPrefix.code());
        assertEquals(40113, unknown.code());
        // the admin token is not an API key, and an API key is not the admin token
        assertEquals(
                40112,
                api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", ApiClient.ADMIN_TOKEN)
                        .code());
        assertEquals(
                40102,
                api.get("/v1/openapi_account/list?userId=" + user, "Authorization", "Bearer " + sk)
                        .code());
    }
}
