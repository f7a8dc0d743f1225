package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Key rolling with a grace period, then refusal; the audit log of those key operations and payments, paged by
 * cursor; the usage endpoint's counts and seconds charged.
 */
class KeyRollIT extends DeployedWarIT {

    @Test
    void aRolledKeyWorksDuringItsGraceThenIsRefused() {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("roll");
        api.pay(user, 30);
        JsonObject created = api.newKey(user).data();
        String oldSk = created.getString("sk");
        String oldId = created.getString("id");

        Reply rolled = api.adminPost(
                "/v1/openapi_account/roll",
                String.format("{\"userId\":\"%s\",\"id\":\"%s\",\"graceSeconds\":3}", user, oldId));
        assertEquals(200, rolled.status(), rolled::toString);
        String newSk = rolled.data().getString("sk");
        String newId = rolled.data().getString("id");
        assertNotEquals(oldSk, newSk);
        assertEquals(200, me(api, oldSk).status(), "the old key works during the grace");
        assertEquals(200, me(api, newSk).status());

        JsonArray keys =
                api.adminGet("/v1/openapi_account/list?userId=" + user).data().getJsonArray("list");
        assertEquals(2, keys.size());
        assertEquals("rolling", key(keys, oldId).getString("status"));
        assertEquals(newId, key(keys, oldId).getString("replacedBy"));
        assertEquals("active", key(keys, newId).getString("status"));
        assertEquals(
                409,
                api.adminPost(
                                "/v1/openapi_account/roll",
                                String.format("{\"userId\":\"%s\",\"id\":\"%s\",\"graceSeconds\":3}", user, oldId))
                        .status(),
                "rolls once");

        Reply refused =
                Await.until("the grace to end", Duration.ofSeconds(15), () -> me(api, oldSk), r -> r.status() == 401);
        assertEquals(40116, refused.code(), refused::toString);
        assertEquals(200, me(api, newSk).status());
        keys = api.adminGet("/v1/openapi_account/list?userId=" + user).data().getJsonArray("list");
        assertEquals("rolled", key(keys, oldId).getString("status"));
        assertEquals(
                400,
                api.adminPost(
                                "/v1/openapi_account/roll",
                                String.format("{\"userId\":\"%s\",\"id\":\"%s\"}", user, newId))
                        .status(),
                "graceSeconds is required");
    }

    @Test
    void theAuditLogListsKeyOperationsAndPaymentsNewestFirstByCursor() {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("audit");
        api.pay(user, 30);
        String keyId = api.newKey(user).data().getString("id");
        api.adminPost(
                "/v1/openapi_account/roll",
                String.format("{\"userId\":\"%s\",\"id\":\"%s\",\"graceSeconds\":0}", user, keyId));
        api.adminPost("/v1/openapi_account/delete", String.format("{\"userId\":\"%s\",\"id\":\"%s\"}", user, keyId));

        JsonObject all = api.adminGet("/v1/admin/audit?userId=" + user).data();
        List<String> kinds = all.getJsonArray("list").stream()
                .map(e -> e.asJsonObject().getString("kind"))
                .toList();
        assertEquals(List.of("key.delete", "key.roll", "key.new", "payment"), kinds);
        assertTrue(all.isNull("nextCursor"));
        JsonObject roll = all.getJsonArray("list").getJsonObject(1);
        assertTrue(roll.getString("actor").matches("admin:[0-9a-f]{12}"), roll::toString);
        assertEquals(keyId, roll.getString("subject"));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = api.adminGet(
                            "/v1/admin/audit?limit=1&userId=" + user + (cursor == null ? "" : "&cursor=" + cursor))
                    .data();
            page.getJsonArray("list").forEach(e -> paged.add(e.asJsonObject().getString("id")));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(4, paged.size());
        Set<String> distinct = new HashSet<>(paged);
        assertEquals(4, distinct.size(), "no entry twice");
        assertEquals(
                List.of("key.new"),
                api.adminGet("/v1/admin/audit?kind=key.new&userId=" + user).data().getJsonArray("list").stream()
                        .map(e -> e.asJsonObject().getString("kind"))
                        .toList());
        assertEquals(400, api.adminGet("/v1/admin/audit?cursor=bogus").status());
    }

    @Test
    void usageCountsTheUsersTasksByStatusAndTheSecondsChargedToday() throws Exception {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("usage");
        String sk = api.paidKey(user, 30);
        try (MediaServer media = new MediaServer()) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "usage.mp4",
                    TestVideos.movingFace(
                            "usage", TestImages.ASTRONAUT, 160, 120, 10, 15, true, TestVideos.Format.MP4));
            String ok = create(api, sk, photo, video);
            String bad = create(api, sk, media.url("missing.jpg"), video);
            JsonObject succeeded = awaitEnd(api, sk, ok);
            assertEquals("succeeded", succeeded.getString("status"), succeeded::toString);
            assertEquals("failed", awaitEnd(api, sk, bad).getString("status"));
            long charged = succeeded.getJsonNumber("chargedSeconds").longValue();
            assertTrue(charged > 0, succeeded::toString);

            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Reply usage = api.get("/v1/faceswap_openapi/usage?from=" + today + "&to=" + today, "X-ClipZap-Apikey", sk);
            assertEquals(200, usage.status(), usage::toString);
            JsonObject data = usage.data();
            assertEquals(1, data.getJsonObject("tasksByStatus").getInt("failed"), data::toString);
            assertEquals(1, data.getJsonObject("tasksByStatus").getInt("succeeded"), data::toString);
            assertEquals(charged, data.getJsonNumber("chargedSeconds").longValue());
            JsonObject day = data.getJsonArray("days").getJsonObject(0);
            assertEquals(today, day.getString("date"));
            assertEquals(charged, day.getJsonNumber("chargedSeconds").longValue());
            assertEquals(
                    30,
                    api.get("/v1/faceswap_openapi/usage", "X-ClipZap-Apikey", sk)
                            .data()
                            .getJsonArray("days")
                            .size(),
                    "the last 30 days by default");
        }
        assertEquals(
                400,
                api.get("/v1/faceswap_openapi/usage?from=2026-13-01", "X-ClipZap-Apikey", sk)
                        .status());
        assertEquals(
                400,
                api.get("/v1/faceswap_openapi/usage?from=2020-01-01&to=2026-01-01", "X-ClipZap-Apikey", sk)
                        .status());
    }

    private static String create(ApiClient api, String sk, URI photo, URI video) {
        Reply created = api.createTask(
                String.format("{\"imageUrl\":\"%s\"," + "\"videoUrl\":\"%s\",\"duration\":2}", photo, video), sk);
        assertEquals(201, created.status(), created::toString);
        return created.data().getString("id");
    }

    private static JsonObject awaitEnd(ApiClient api, String sk, String id) {
        return Await.until(
                "task " + id + " to end",
                Duration.ofSeconds(240),
                () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0),
                t -> !List.of("queued", "processing").contains(t.getString("status")));
    }

    private static Reply me(ApiClient api, String sk) {
        return api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
    }

    private static JsonObject key(JsonArray keys, String id) {
        return keys.stream()
                .map(k -> k.asJsonObject())
                .filter(k -> k.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }
}
