package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 27 through the API, on two servers sharing one database and one storage directory, both requiring consent:
 * a create without consent is refused and holds nothing; an attested create is on record (admin view, audit log,
 * with its key); anyone files a report without a key and learns nothing about whether the task exists; an admin
 * takes a result down (410, files gone); an admin suspends a user on node A and node B refuses every key of the
 * user within the key cache's second, while the user's running task is stopped and its seconds released. Each step
 * is in the audit log.
 * <p>
 * On the H2 run the two servers share an H2 file database in its automatic mixed mode ({@code AUTO_SERVER}: the
 * first server to open it serves it to the other over loopback); on the PostgreSQL run, a database of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResponsibleUseIT {
    /** The promise (the key cache's 1 s) plus room for a loaded machine and the 20 ms polling. */
    private static final Duration SUSPENSION_DEADLINE = Duration.ofMillis(1000 + 500);

    private static final int REPORT_LIMIT = 4;
    private static final String ME = "/v1/faceswap_openapi/me";
    private static final String CREATE = "/v1/faceswap_openapi/create";

    private MediaServer media;
    private ServerProcess a;
    private ServerProcess b;
    private ApiClient apiA;
    private ApiClient apiB;
    private Path storage;
    private URI photo;
    private URI small;

    private String user;
    private String sk;
    private String succeededTask;

    @BeforeAll
    void startTwoNodes() throws Exception {
        storage = Files.createDirectories(
                Path.of("target", "it-servers", "trust-storage").toAbsolutePath());
        media = new MediaServer();
        a = node("trust-a", 700);
        b = node("trust-b", 800);
        a.start();
        b.start();
        apiA = new ApiClient(a.base());
        apiB = new ApiClient(b.base());
        photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
        small = media.serve(
                "small.mp4",
                TestVideos.movingFace(
                        "trust-small", TestImages.ASTRONAUT, 160, 120, 10, 10, true, TestVideos.Format.MP4));
        user = ApiClient.uniqueUser("trust");
        sk = apiA.paidKey(user, 100);
    }

    @AfterAll
    void stopNodes() throws Exception {
        try (MediaServer m = media;
                ServerProcess x = a;
                ServerProcess y = b) {
            // closed in reverse order: b, a (the H2 host last), then the media server
        }
    }

    @Test
    @Order(1)
    void aCreateWithoutConsentIsRefusedAndHoldsNothing() {
        Reply none = apiA.post(CREATE, createBody(small, null), "X-ClipZap-Apikey", sk);
        assertEquals(400, none.status(), none::toString);
        assertEquals(40005, none.code(), none::toString);
        Reply notAttested = apiB.post(CREATE, createBody(small, "{\"attested\":false}"), "X-ClipZap-Apikey", sk);
        assertEquals(400, notAttested.status(), notAttested::toString);
        assertEquals(40005, notAttested.code(), notAttested::toString);
        Reply invalid = apiB.post(CREATE, createBody(small, "{\"statement\":\"yes\"}"), "X-ClipZap-Apikey", sk);
        assertEquals(400, invalid.status(), invalid::toString);
        assertEquals(40001, invalid.code(), "attested is required inside consent: " + invalid);

        JsonObject account = apiB.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
        assertEquals(100, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
        assertEquals(0, tasksOf(user).size(), "no task was created");
    }

    @Test
    @Order(2)
    void anAttestedCreateIsOnRecordWithItsKey() {
        String keyId = keyIdOf(user);
        Reply created = apiA.post(
                CREATE,
                createBody(small, "{\"attested\":true,\"statement\":\"Signed release #7 on file\"}"),
                "X-ClipZap-Apikey",
                sk);
        assertEquals(201, created.status(), created::toString);
        succeededTask = created.data().getString("id");

        JsonObject view = apiB.adminGet("/v1/admin/tasks/" + succeededTask).data();
        JsonObject consent = view.getJsonObject("consent");
        assertNotNull(consent, view::toString);
        assertTrue(consent.getBoolean("attested"));
        assertEquals("Signed release #7 on file", consent.getString("statement"));
        assertEquals(keyId, consent.getString("keyId"));

        JsonObject entry = onlyAuditEntry(apiB, user, "consent.attested");
        assertEquals(succeededTask, entry.getString("subject"));
        assertEquals("key:" + keyId, entry.getString("actor"));
        assertTrue(entry.getString("detail").contains("Signed release #7 on file"), entry::toString);
        assertFalse(entry.toString().contains(sk), "the key's secret is never in the audit log");

        JsonObject done = awaitEnd(apiA, succeededTask);
        assertEquals("succeeded", done.getJsonObject("task").getString("status"), done::toString);
    }

    @Test
    @Order(3)
    void anyoneReportsWithoutAKeyAndLearnsNothingOfTheTask() {
        String resultUrl = apiA.adminGet("/v1/admin/tasks/" + succeededTask)
                .data()
                .getJsonObject("task")
                .getString("resultUrl");
        String unknown = "0123456789abcdef01234567";
        Reply real = apiB.post("/v1/reports", report("\"resultUrl\":\"" + resultUrl + "\""));
        Reply made_up = apiB.post("/v1/reports", report("\"taskId\":\"" + unknown + "\""));
        for (Reply r : List.of(real, made_up)) {
            assertEquals(202, r.status(), r::toString);
            assertEquals("received", r.data().getString("status"), r::toString);
            assertEquals(Set.of("reportId", "status"), r.data().keySet(), r::toString);
        }
        assertEquals(
                withoutId(real.body(), real.data().getString("reportId")),
                withoutId(made_up.body(), made_up.data().getString("reportId")),
                "the same answer, byte for byte but the report id, whether or not the task exists");
        Reply unnamed = apiB.post("/v1/reports", "{\"reason\":\"no target\"}");
        assertEquals(400, unnamed.status(), unnamed::toString);
        assertEquals(40001, unnamed.code(), unnamed::toString);
        Reply noReason = apiB.post("/v1/reports", "{\"taskId\":\"" + unknown + "\"}");
        assertEquals(400, noReason.status(), noReason::toString);

        JsonArray listed = apiA.adminGet("/v1/admin/reports?taskId=" + succeededTask)
                .data()
                .getJsonArray("list");
        assertEquals(1, listed.size(), listed::toString);
        JsonObject mine = listed.getJsonObject(0);
        assertTrue(mine.getBoolean("taskExists"));
        assertEquals(user, mine.getString("taskUserId"));
        assertEquals("open", mine.getString("status"));
        JsonObject other = apiA.adminGet("/v1/admin/reports?taskId=" + unknown)
                .data()
                .getJsonArray("list")
                .getJsonObject(0);
        assertFalse(other.getBoolean("taskExists"), other::toString);
        JsonObject filed = onlyAuditEntry(apiA, user, "report.filed");
        assertEquals(real.data().getString("reportId"), filed.getString("subject"));
        assertEquals("anonymous", filed.getString("actor"));
    }

    @Test
    @Order(4)
    void reportsAreLimitedPerClientAddress() {
        // node A has had no report yet: its bucket for 127.0.0.1 is full
        for (int i = 0; i < REPORT_LIMIT; i++) {
            Reply r = apiA.post("/v1/reports", report("\"taskId\":\"0123456789abcdef0123456" + i + "\""));
            assertEquals(202, r.status(), "report " + (i + 1) + ": " + r);
        }
        Reply refused = apiA.post("/v1/reports", report("\"taskId\":\"0123456789abcdef01234569\""));
        assertEquals(429, refused.status(), refused::toString);
        assertEquals(42901, refused.code(), refused::toString);
        long retry = Long.parseLong(refused.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Retry-After"))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElseThrow());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
    }

    @Test
    @Order(5)
    void anAdminTakesAResultDown() throws Exception {
        Path result = storage.resolve("tasks").resolve(succeededTask).resolve("result.mp4");
        assertTrue(Files.isRegularFile(result), "the result is on the shared storage before");
        Reply taken = apiA.adminPost(
                "/v1/admin/takedowns",
                "{\"taskId\":\"" + succeededTask + "\",\"reason\":\"report: no consent of the person shown\"}");
        assertEquals(200, taken.status(), taken::toString);
        assertTrue(taken.data().getBoolean("erasedNow"), taken::toString);
        assertEquals(1, taken.data().getInt("reportsClosed"), taken::toString);
        assertFalse(Files.exists(result), "the result file is erased");
        assertFalse(Files.exists(result.getParent()), "and every other file of the task");

        Reply download = apiB.get("/v1/faceswap_openapi/result/" + succeededTask, "X-ClipZap-Apikey", sk);
        assertEquals(410, download.status(), download::toString);
        assertEquals(41003, download.code(), download::toString);
        JsonObject polled = apiB.get("/v1/faceswap_openapi/listbyids?objectID=" + succeededTask, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0);
        assertEquals(JsonValue.NULL, polled.get("resultUrl"), polled::toString);
        assertEquals("deleted", polled.getString("status"), "a take-down leaves the delete's tombstone");
        assertEquals(
                "actioned",
                apiB.adminGet("/v1/admin/reports?taskId=" + succeededTask)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0)
                        .getString("status"));
        Reply again =
                apiB.adminPost("/v1/admin/takedowns", "{\"taskId\":\"" + succeededTask + "\",\"reason\":\"twice\"}");
        assertFalse(again.data().getBoolean("erasedNow"), again::toString);
        JsonObject entry = onlyAuditEntry(apiB, user, "task.takedown");
        assertEquals(succeededTask, entry.getString("subject"));
        assertTrue(entry.getString("actor").startsWith("admin:"), entry::toString);
        assertTrue(entry.getString("detail").contains("no consent of the person shown"), entry::toString);
        Reply unknown =
                apiB.adminPost("/v1/admin/takedowns", "{\"taskId\":\"0123456789abcdef01234567\",\"reason\":\"x\"}");
        assertEquals(404, unknown.status(), unknown::toString);
    }

    @Test
    @Order(6)
    void aSuspensionOnOneNodeIsSeenOnTheOtherWithinASecondAndStopsTheRunningTask() throws Exception {
        String suspect = ApiClient.uniqueUser("suspect");
        String first = apiA.paidKey(suspect, 100);
        String second = apiB.newKey(suspect).data().getString("sk");
        URI longer = media.serve(
                "longer.mp4",
                TestVideos.movingFace(
                        "trust-long", TestImages.ASTRONAUT, 640, 360, 25, 500, true, TestVideos.Format.MP4));
        Reply created = apiB.post(CREATE, createBody(longer, 20, "{\"attested\":true}"), "X-ClipZap-Apikey", first);
        assertEquals(201, created.status(), created::toString);
        String running = created.data().getString("id");
        JsonObject midway = Await.until(
                "the task to be swapping frames",
                Duration.ofSeconds(180),
                () -> apiA.adminGet("/v1/admin/tasks/" + running).data(),
                t -> t.getJsonObject("task").getInt("progress") >= 1
                        || !t.getJsonObject("task").getString("status").equals("processing")
                                && !t.getJsonObject("task").getString("status").equals("queued"));
        assertEquals("processing", midway.getJsonObject("task").getString("status"), midway::toString);
        assertEquals(20, apiA.adminGet("/v1/admin/users/" + suspect).data().getInt("heldSeconds"));

        // node B has both keys in its cache, read just now
        assertEquals(200, apiB.get(ME, "X-ClipZap-Apikey", first).status());
        assertEquals(200, apiB.get(ME, "X-ClipZap-Apikey", second).status());
        Reply suspended = apiA.adminPost("/v1/admin/users/" + suspect + "/suspend", "{\"reason\":\"abuse reports\"}");
        Instant committed = Instant.now();
        assertEquals(200, suspended.status(), suspended::toString);
        assertTrue(suspended.data().getBoolean("suspended"));
        assertEquals(1, suspended.data().getInt("tasksStopped"), suspended::toString);
        Reply onA = apiA.get(ME, "X-ClipZap-Apikey", first);
        assertEquals(403, onA.status(), "the suspending node refuses at once: " + onA);
        assertEquals(40304, onA.code());

        Reply onB = Await.until(
                "node B to refuse the suspended user's key",
                SUSPENSION_DEADLINE.plusSeconds(5),
                Duration.ofMillis(20),
                () -> apiB.get(ME, "X-ClipZap-Apikey", first),
                r -> r.status() == 403);
        Duration took = Duration.between(committed, Instant.now());
        System.out.println("ResponsibleUseIT: node B refused the suspended user's key " + took.toMillis()
                + " ms after node A's suspension answered");
        assertTrue(
                took.compareTo(SUSPENSION_DEADLINE) <= 0,
                "refused only after " + took.toMillis() + " ms (limit " + SUSPENSION_DEADLINE.toMillis() + " ms)");
        assertEquals(40304, onB.code(), onB::toString);
        // each key's cache entry lapses on its own within the second: the other key too, by the same deadline
        Reply secondKey = Await.until(
                "node B to refuse the user's other key",
                SUSPENSION_DEADLINE.plusSeconds(5),
                Duration.ofMillis(20),
                () -> apiB.get(ME, "X-ClipZap-Apikey", second),
                r -> r.status() == 403);
        Duration tookSecond = Duration.between(committed, Instant.now());
        assertTrue(
                tookSecond.compareTo(SUSPENSION_DEADLINE) <= 0,
                "every key of the user: the other refused only after " + tookSecond.toMillis() + " ms");
        assertEquals(40304, secondKey.code(), secondKey::toString);
        Reply create = apiB.post(CREATE, createBody(small, "{\"attested\":true}"), "X-ClipZap-Apikey", second);
        assertEquals(403, create.status(), create::toString);

        JsonObject stopped = awaitEnd(apiB, running);
        assertEquals("failed", stopped.getJsonObject("task").getString("status"), stopped::toString);
        assertEquals("USER_SUSPENDED", stopped.getJsonObject("task").getString("errorCode"), stopped::toString);
        JsonObject jobOver = Await.until(
                "the stopped task's job to end on the node that ran it",
                Duration.ofSeconds(60),
                () -> nodeApi(stopped.getString("node"))
                        .adminGet("/v1/admin/tasks/" + running)
                        .data(),
                t -> !"STARTED".equals(t.getString("executionStatus", null))
                        && !"STARTING".equals(t.getString("executionStatus", null))
                        && !"STOPPING".equals(t.getString("executionStatus", null)));
        System.out.println("ResponsibleUseIT: the stopped task's job ended " + jobOver.getString("executionStatus", "?")
                + " at progress " + jobOver.getJsonObject("task").getInt("progress"));
        JsonObject books = apiB.adminGet("/v1/admin/users/" + suspect).data();
        assertEquals(0, books.getJsonNumber("heldSeconds").longValue(), books::toString);
        assertEquals(0, books.getJsonNumber("spentSeconds").longValue(), books::toString);
        assertEquals(100, books.getJsonNumber("balanceSeconds").longValue(), books::toString);
        assertNotNull(books.getString("suspendedAt"), books::toString);
        assertFalse(
                Files.exists(storage.resolve("tasks").resolve(running).resolve("result.mp4")),
                "the stopped task wrote no result");

        JsonObject entry = onlyAuditEntry(apiB, suspect, "user.suspend");
        assertTrue(entry.getString("detail").contains("tasks stopped 1"), entry::toString);
        assertTrue(entry.getString("detail").contains("abuse reports"), entry::toString);

        Reply lifted = apiB.adminPost("/v1/admin/users/" + suspect + "/unsuspend", "{\"note\":\"appeal upheld\"}");
        assertEquals(200, lifted.status(), lifted::toString);
        assertFalse(lifted.data().getBoolean("suspended"));
        Instant liftedAt = Instant.now();
        Await.until(
                "node A to accept the key again",
                SUSPENSION_DEADLINE.plusSeconds(5),
                Duration.ofMillis(20),
                () -> apiA.get(ME, "X-ClipZap-Apikey", first),
                r -> r.status() == 200);
        System.out.println("ResponsibleUseIT: node A accepted the key again "
                + Duration.between(liftedAt, Instant.now()).toMillis() + " ms after the unsuspension");
        assertEquals(200, apiB.get(ME, "X-ClipZap-Apikey", second).status(), "at once on the unsuspending node");
        onlyAuditEntry(apiA, suspect, "user.unsuspend");
        Reply unknown =
                apiA.adminPost("/v1/admin/users/nobody-" + System.nanoTime() + "/suspend", "{\"reason\":\"x\"}");
        assertEquals(404, unknown.status(), unknown::toString);
    }

    // ---- helpers ----

    private ServerProcess node(String name, int offset) throws Exception {
        ServerProcess s = ServerProcess.prepare(
                        name,
                        offset,
                        "-Dclipzap.media.allow-private-networks=true",
                        "-Dclipzap.trust.require-consent=true",
                        "-Dclipzap.trust.reports.limit=" + REPORT_LIMIT,
                        "-Dclipzap.tasks.max-running=4",
                        "-Dclipzap.tasks.max-running-per-user=2")
                .env("CLIPZAP_STORAGE_DIR", storage.toString());
        if (PostgresSession.active()) {
            s.database("trust");
        } else {
            Path db = Files.createDirectories(
                    Path.of("target", "it-servers", "trust-db").toAbsolutePath());
            if (name.endsWith("-a")) {
                try (var old = Files.list(db)) {
                    for (Path p : old.toList()) {
                        Files.delete(p); // a fresh database for each run
                    }
                }
            }
            s.env(
                    "CLIPZAP_DB_URL",
                    "jdbc:h2:file:" + db.resolve("faceswap") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        }
        return s;
    }

    private ApiClient nodeApi(String nodeId) {
        try {
            String idOfA = Files.readAllLines(a.dataDir().resolve("faceswap").resolve("node-id"))
                    .get(0)
                    .strip();
            return idOfA.equals(nodeId) ? apiA : apiB;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String createBody(URI video, String consent) {
        return createBody(video, 1.5, consent);
    }

    private String createBody(URI video, double duration, String consent) {
        return String.format(
                java.util.Locale.ROOT,
                "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":%s%s}",
                photo,
                video,
                duration,
                consent == null ? "" : ",\"consent\":" + consent);
    }

    private static String report(String target) {
        return "{" + target + ",\"reason\":\"This shows my face; I never agreed.\",\"contact\":\"me@example.org\"}";
    }

    private static String withoutId(String body, String id) {
        return body.replace(id, "ID");
    }

    private List<String> tasksOf(String userId) {
        return apiA.adminGet("/v1/admin/tasks?q=" + userId).data().getJsonArray("list").stream()
                .map(v -> v.asJsonObject().getJsonObject("task").getString("id"))
                .collect(Collectors.toList());
    }

    private String keyIdOf(String userId) {
        return apiA.adminGet("/v1/openapi_account/list?userId=" + userId)
                .data()
                .getJsonArray("list")
                .getJsonObject(0)
                .getString("id");
    }

    private static JsonObject onlyAuditEntry(ApiClient api, String userId, String kind) {
        Reply r = api.adminGet("/v1/admin/audit?userId=" + userId + "&kind=" + kind);
        assertEquals(200, r.status(), r::toString);
        JsonArray list = r.data().getJsonArray("list");
        assertEquals(1, list.size(), "one " + kind + " entry for " + userId + ": " + list);
        return list.getJsonObject(0);
    }

    private static JsonObject awaitEnd(ApiClient api, String id) {
        JsonObject t = Await.until(
                "task " + id + " to end",
                Duration.ofSeconds(300),
                () -> api.adminGet("/v1/admin/tasks/" + id).data(),
                v -> !List.of("queued", "processing")
                        .contains(v.getJsonObject("task").getString("status")));
        assertNotEquals("processing", t.getJsonObject("task").getString("status"));
        return t;
    }
}
