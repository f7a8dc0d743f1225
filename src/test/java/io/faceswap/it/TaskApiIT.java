package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task API's contract: create, listbyids, idempotency, balance holds. Media URLs here point at a local server
 * that answers 404, so tasks fail fast (and release their holds) instead of doing real work.
 */
class TaskApiIT extends DeployedWarIT {

    static MediaServer media;

    ApiClient api;

    @BeforeAll
    static void startMedia() throws Exception {
        media = new MediaServer();
    }

    @AfterAll
    static void stopMedia() {
        media.close();
    }

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    private String body(String title, double duration) {
        return String.format(
                "{\"title\":\"%s\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":%s}",
                title, media.url("missing.jpg"), media.url("missing.mp4"), duration);
    }

    private Reply create(String sk, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-ClipZap-Apikey";
        all[1] = sk;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.post("/v1/faceswap_openapi/create", json, all);
    }

    private Reply list(String sk, String ids) {
        return api.get("/v1/faceswap_openapi/listbyids?objectID=" + ids, "X-ClipZap-Apikey", sk);
    }

    private JsonObject awaitTerminal(String sk, String id) {
        return Await.until(
                "task " + id + " to end",
                Duration.ofSeconds(60),
                () -> list(sk, id).data().getJsonArray("list").getJsonObject(0),
                t -> List.of("succeeded", "failed", "canceled").contains(t.getString("status")));
    }

    @Test
    void createQueuesTheTaskAndHoldsItsSecondsUntilItEnds() {
        String user = ApiClient.uniqueUser("create");
        String sk = api.paidKey(user, 100);
        // Held back, so the task cannot fail and release its hold before the hold is read.
        String held = "held-" + user + ".jpg";
        Reply created = create(
                sk,
                String.format(
                        "{\"title\":\"first\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":12.2}",
                        media.holdMissing(held), media.url("missing.mp4")));
        assertEquals(201, created.status(), created::toString);
        JsonObject task = created.data();
        assertTrue(task.getString("id").matches("[0-9a-f]{24}"));
        assertEquals("queued", task.getString("status"));
        assertEquals(0, task.getInt("progress"));
        assertEquals(user, task.getString("userId"));
        assertEquals("first", task.getString("title"));
        assertTrue(task.isNull("resultUrl"));
        assertEquals(
                13,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("heldSeconds")
                        .longValue());
        media.release(held);

        JsonObject ended = awaitTerminal(sk, task.getString("id"));
        assertEquals("failed", ended.getString("status"));
        assertEquals("URL_HTTP_ERROR", ended.getString("errorCode"));
        assertTrue(ended.getString("errorMessage").contains("404"), ended.toString());
        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), "a failed task releases its hold");
        assertEquals(100, account.getJsonNumber("balanceSeconds").longValue());
    }

    @Test
    void aShortBalanceIs402AndInvalidFieldsAre400() {
        String user = ApiClient.uniqueUser("short");
        String sk = api.paidKey(user, 5);
        Reply tooLong = create(sk, body("long", 5.5));
        assertEquals(402, tooLong.status(), tooLong::toString);
        assertEquals(40202, tooLong.code());

        for (String bad : List.of(
                "{\"imageUrl\":\"ftp://x/y.jpg\",\"videoUrl\":\"http://x/y.mp4\",\"duration\":3}",
                "{\"imageUrl\":\"http://user:pw@x/y.jpg\",\"videoUrl\":\"http://x/y.mp4\",\"duration\":3}",
                "{\"imageUrl\":\"http://x/y.jpg\",\"videoUrl\":\"http://x/y.mp4\",\"duration\":0}",
                "{\"imageUrl\":\"http://x/y.jpg\",\"videoUrl\":\"http://x/y.mp4\",\"duration\":601}",
                "{\"imageUrl\":\"http://x/y.jpg\",\"videoUrl\":\"http://x/y.mp4\"}")) {
            Reply reply = create(sk, bad);
            assertEquals(400, reply.status(), () -> bad + " -> " + reply);
            assertTrue(reply.code() == 40001, reply::toString);
        }
        // no target at all, or both kinds (issue 26): codes of their own, each naming the fields
        Reply none = create(sk, "{\"imageUrl\":\"http://x/y.jpg\",\"duration\":3}");
        assertEquals(400, none.status(), none::toString);
        assertEquals(40010, none.code(), none::toString);
        Reply both = create(
                sk,
                "{\"imageUrl\":\"http://x/y.jpg\",\"videoUrl\":\"http://x/y.mp4\","
                        + "\"targetImageUrl\":\"http://x/z.jpg\",\"duration\":3}");
        assertEquals(400, both.status(), both::toString);
        assertEquals(40011, both.code(), both::toString);
        assertEquals(
                0,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("heldSeconds")
                        .longValue());
    }

    @Test
    void listByIdsKeepsTheOrderAskedAndLeavesOutForeignAndUnknownIds() {
        String sk = api.paidKey(ApiClient.uniqueUser("lister"), 100);
        String other = api.paidKey(ApiClient.uniqueUser("other"), 100);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(create(sk, body("t" + i, 1)).data().getString("id"));
        }
        String foreign = create(other, body("theirs", 1)).data().getString("id");
        String unknown = "0123456789abcdef01234567";
        String asked = String.join(",", mine.get(2), foreign, mine.get(0), unknown, mine.get(1));

        Reply reply = list(sk, asked);
        assertEquals(200, reply.status(), reply::toString);
        List<String> ids = reply.data()
                .getJsonArray("list")
                .getValuesAs(v -> v.asJsonObject().getString("id"));
        assertEquals(List.of(mine.get(2), mine.get(0), mine.get(1)), ids);
        assertFalse(reply.body().contains(foreign));

        Reply alias = api.get("/v1/faceswap-opanpai/listbyids?objectID=" + asked, "X-ClipZap-Apikey", sk);
        assertEquals(
                reply.data().getJsonArray("list").size(),
                alias.data().getJsonArray("list").size());

        String hundredAndOne =
                IntStream.range(0, 101).mapToObj(i -> String.format("%024x", i)).collect(Collectors.joining(","));
        Reply tooMany = list(sk, hundredAndOne);
        assertEquals(400, tooMany.status());
        assertEquals(40003, tooMany.code());
        assertEquals(200, list(sk, hundredAndOne.substring(25)).status(), "exactly 100 is fine");
        assertEquals(400, list(sk, "not-an-id").status());
        assertEquals(
                400,
                api.get("/v1/faceswap_openapi/listbyids", "X-ClipZap-Apikey", sk)
                        .status());
        assertEquals(
                401,
                api.get("/v1/faceswap_openapi/listbyids?objectID=" + mine.get(0))
                        .status());
        mine.forEach(id -> awaitTerminal(sk, id));
    }

    /**
     * listbyids reads its columns with plain JDBC, not through the entity: an ended task must read exactly as the
     * entity-based view shows it (the admin view), and a key must see nothing of another user's task.
     */
    @Test
    void listByIdsReadsWhatTheEntityHoldsAndOnlyTheOwnersTasks() {
        String sk = api.paidKey(ApiClient.uniqueUser("reader"), 100);
        String other = api.paidKey(ApiClient.uniqueUser("stranger"), 100);
        String id = create(sk, body("read me \\u00e9", 2.5)).data().getString("id");
        JsonObject listed = awaitTerminal(sk, id);

        assertEquals(api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"), listed);
        Reply foreign = list(other, id);
        assertEquals(200, foreign.status(), foreign::toString);
        assertEquals(0, foreign.data().getJsonArray("list").size(), foreign::toString);
        assertFalse(foreign.body().contains(id));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameTaskAndChargesOnce() {
        String user = ApiClient.uniqueUser("idem");
        String sk = api.paidKey(user, 100);
        Reply first = create(sk, body("once", 10), "Idempotency-Key", "req-1");
        Reply retry = create(sk, body("once", 10), "Idempotency-Key", "req-1");
        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.data().getString("id"), retry.data().getString("id"));
        Reply different = create(sk, body("other", 10), "Idempotency-Key", "req-1");
        assertEquals(409, different.status());
        assertEquals(40905, different.code());
        Reply another = create(sk, body("once", 10), "Idempotency-Key", "req-2");
        assertFalse(another.data().getString("id").equals(first.data().getString("id")));

        awaitTerminal(sk, first.data().getString("id"));
        awaitTerminal(sk, another.data().getString("id"));
        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
        assertEquals(100, account.getJsonNumber("balanceSeconds").longValue());
    }

    @Test
    void aRetryAfterTheBalanceIsSpentStillGetsTheOriginalTask() {
        String user = ApiClient.uniqueUser("idem-spent");
        String sk = api.paidKey(user, 10);
        // The first task's photo is held back, so the task cannot fail (and give its hold back) before the third call.
        String held = "held-" + user + ".jpg";
        String spendAll = String.format(
                "{\"title\":\"all of it\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":10}",
                media.holdMissing(held), media.url("missing.mp4"));
        Reply first = create(sk, spendAll, "Idempotency-Key", "spend-all");
        assertEquals(201, first.status(), first::toString);
        Reply retry = create(sk, spendAll, "Idempotency-Key", "spend-all");
        assertEquals(200, retry.status(), "the lookup comes before the hold: " + retry);
        assertEquals(first.data().getString("id"), retry.data().getString("id"));
        Reply fresh = create(sk, body("more", 10), "Idempotency-Key", "another");
        assertEquals(402, fresh.status(), "a new task still needs a balance: " + fresh);
        media.release(held);
        awaitTerminal(sk, first.data().getString("id"));
    }

    @Test
    void aResultCannotBeDownloadedBeforeItExistsOrByAnotherUser() {
        String sk = api.paidKey(ApiClient.uniqueUser("res"), 100);
        String other = api.paidKey(ApiClient.uniqueUser("res2"), 100);
        String id = create(sk, body("r", 1)).data().getString("id");
        Reply foreign = api.get("/v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", other);
        assertEquals(404, foreign.status());
        awaitTerminal(sk, id);
        Reply failed = api.get("/v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", sk);
        assertEquals(409, failed.status(), failed::toString);
        assertEquals(40906, failed.code());
    }
}
