package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.webhook.WebhookSignature;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a server of our own (retry delays shortened to 1 s, 2 s, 20 s, 2 s): a receiver on loopback
 * that verifies the signature, one that fails twice then accepts, a replay, a secret roll's grace, and a server
 * killed and restarted in the middle of the retries. Tasks end fast: their photo URL is a 404.
 */
class WebhookIT {
    private static WebhookReceiver receiver;
    private static ServerProcess server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        server = ServerProcess.prepare(
                "webhooks",
                2100,
                "-Dclipzap.media.allow-private-networks=true",
                "-Dclipzap.webhooks.retry-delays=1,2,20,2",
                "-Dclipzap.webhooks.poll-millis=250",
                "-Dclipzap.public-base-url=http://127.0.0.1:10180/");
        server.start(); // assigned first, so that @AfterAll stops it even when it never became healthy
        api = new ApiClient(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aLoopbackReceiverVerifiesTheSignatureAndTheLogShowsTheAttempt() {
        String user = ApiClient.uniqueUser("hook");
        String sk = api.paidKey(user, 60);
        String secret = rollSecret(sk, null);
        assertTrue(secret.matches("whsec_[0-9A-Za-z]{32,}"), secret);
        String id = failingTask(sk, receiver.hook("signed"));

        WebhookReceiver.Received got = Await.until(
                        "the callback", Duration.ofSeconds(60), () -> receiver.received("signed"), l -> !l.isEmpty())
                .get(0);
        String signature = got.header("ClipZap-Signature");
        assertTrue(
                WebhookSignature.verify(
                        signature, secret, got.body(), Instant.now().getEpochSecond(), 300),
                signature);
        assertFalse(WebhookSignature.verify(
                signature, secret + "x", got.body(), Instant.now().getEpochSecond(), 300));
        assertEquals("evt_" + id, got.header("ClipZap-Event-Id"));
        assertEquals("task.failed", got.header("ClipZap-Event-Type"));
        JsonObject body = Json.createReader(new StringReader(new String(got.body(), StandardCharsets.UTF_8)))
                .readObject();
        assertEquals(id, body.getString("id"));
        assertEquals("failed", body.getString("status"));

        JsonObject delivery = awaitDelivery(sk, id, "delivered");
        JsonArray log = delivery.getJsonArray("log");
        assertEquals(1, log.size(), delivery::toString);
        assertEquals(200, log.getJsonObject(0).getInt("httpStatus"));
        assertTrue(log.getJsonObject(0).getJsonNumber("latencyMillis").longValue() >= 0);
        // the admin sees the same log; another user sees nothing of it
        assertEquals(
                1,
                api.adminGet("/v1/admin/webhooks?taskId=" + id)
                        .data()
                        .getJsonArray("list")
                        .size());
        String other = api.paidKey(ApiClient.uniqueUser("other"), 10);
        assertEquals(0, deliveries(other, id).size());
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttempt() {
        String sk = api.paidKey(ApiClient.uniqueUser("retry"), 60);
        rollSecret(sk, null);
        String id = failingTask(sk, receiver.hook("flaky", 500, 503));

        JsonObject delivery = awaitDelivery(sk, id, "delivered");
        List<Integer> statuses = delivery.getJsonArray("log").stream()
                .map(a -> a.asJsonObject().getInt("httpStatus"))
                .toList();
        assertEquals(List.of(500, 503, 200), statuses, delivery::toString);
        List<WebhookReceiver.Received> got = receiver.received("flaky");
        assertEquals(3, got.size());
        assertEquals(
                1,
                got.stream().map(r -> r.header("ClipZap-Event-Id")).distinct().count(),
                "one event id");
        // the schedule's delays (1 s, then 2 s) between the attempts, give or take the sender's tick
        assertTrue(Duration.between(got.get(0).at(), got.get(1).at()).toMillis() >= 900);
        assertTrue(Duration.between(got.get(1).at(), got.get(2).at()).toMillis() >= 1900);
    }

    @Test
    void aReplaySendsTheSameEventAgainAsANewDelivery() {
        String sk = api.paidKey(ApiClient.uniqueUser("replay"), 60);
        String secret = rollSecret(sk, null);
        String id = failingTask(sk, receiver.hook("replayed"));
        String first = awaitDelivery(sk, id, "delivered").getString("id");

        Reply replay = api.post(
                "/v1/faceswap_openapi/webhooks/replay", "{\"deliveryId\":\"" + first + "\"}", "X-ClipZap-Apikey", sk);
        assertEquals(200, replay.status(), replay::toString);
        assertEquals(first, replay.data().getString("replayOf"));
        List<WebhookReceiver.Received> got = Await.until(
                "the replay", Duration.ofSeconds(30), () -> receiver.received("replayed"), l -> l.size() == 2);
        assertEquals(got.get(0).header("ClipZap-Event-Id"), got.get(1).header("ClipZap-Event-Id"));
        assertTrue(WebhookSignature.verify(
                got.get(1).header("ClipZap-Signature"),
                secret,
                got.get(1).body(),
                Instant.now().getEpochSecond(),
                300));
        Await.until(
                "both deliveries delivered",
                Duration.ofSeconds(30),
                () -> deliveries(sk, id),
                l -> l.size() == 2
                        && l.stream()
                                .allMatch(d ->
                                        d.asJsonObject().getString("status").equals("delivered")));
        // someone else's delivery cannot be replayed; the admin can replay any
        String other = api.paidKey(ApiClient.uniqueUser("other"), 10);
        assertEquals(
                404,
                api.post(
                                "/v1/faceswap_openapi/webhooks/replay",
                                "{\"deliveryId\":\"" + first + "\"}",
                                "X-ClipZap-Apikey",
                                other)
                        .status());
        assertEquals(
                200,
                api.adminPost("/v1/admin/webhooks/replay", "{\"deliveryId\":\"" + first + "\"}")
                        .status());
        Await.until(
                "the admin's replay", Duration.ofSeconds(30), () -> receiver.received("replayed"), l -> l.size() == 3);
    }

    @Test
    void duringARollsGraceBothSecretsSignThenOnlyTheNewOne() {
        String sk = api.paidKey(ApiClient.uniqueUser("roll"), 60);
        String old = rollSecret(sk, null);
        String fresh = rollSecret(sk, 3600L);
        assertNotEquals(old, fresh);
        failingTask(sk, receiver.hook("graced"));
        WebhookReceiver.Received got = Await.until(
                        "the callback", Duration.ofSeconds(60), () -> receiver.received("graced"), l -> !l.isEmpty())
                .get(0);
        String header = got.header("ClipZap-Signature");
        assertEquals(2, header.split("v1=").length - 1, header);
        long now = Instant.now().getEpochSecond();
        assertTrue(WebhookSignature.verify(header, old, got.body(), now, 300));
        assertTrue(WebhookSignature.verify(header, fresh, got.body(), now, 300));

        String newest = rollSecret(sk, 0L); // no grace: only this one signs from now on
        failingTask(sk, receiver.hook("ungraced"));
        WebhookReceiver.Received next = Await.until(
                        "the callback", Duration.ofSeconds(60), () -> receiver.received("ungraced"), l -> !l.isEmpty())
                .get(0);
        assertEquals(1, next.header("ClipZap-Signature").split("v1=").length - 1);
        assertTrue(WebhookSignature.verify(next.header("ClipZap-Signature"), newest, next.body(), now, 300));
        assertFalse(WebhookSignature.verify(next.header("ClipZap-Signature"), fresh, next.body(), now, 300));
    }

    @Test
    void theAdminsDefaultEndpointGetsTasksCreatedWithoutACallbackUrl() {
        String user = ApiClient.uniqueUser("default");
        String sk = api.paidKey(user, 60);
        String secret = rollSecret(sk, null);
        Reply set = api.send(api.request("/v1/admin/users/" + user + "/webhook_endpoint")
                .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\"" + receiver.hook("default") + "\"}"))
                .build());
        assertEquals(200, set.status(), set::toString);
        Reply created = api.createTask(
                String.format(
                        "{\"imageUrl\":\"%s\"," + "\"videoUrl\":\"%s\",\"duration\":2}",
                        receiver.url("missing.jpg"), receiver.url("missing.mp4")),
                sk);
        assertEquals(201, created.status(), created::toString);
        WebhookReceiver.Received got = Await.until(
                        "the callback", Duration.ofSeconds(60), () -> receiver.received("default"), l -> !l.isEmpty())
                .get(0);
        assertEquals("evt_" + created.data().getString("id"), got.header("ClipZap-Event-Id"));
        assertTrue(WebhookSignature.verify(
                got.header("ClipZap-Signature"),
                secret,
                got.body(),
                Instant.now().getEpochSecond(),
                300));
    }

    @Test
    void aCallbackNeedsASecretAndAnHttpUrl() {
        String sk = api.paidKey(ApiClient.uniqueUser("nosecret"), 60);
        Reply refused = create(sk, receiver.hook("never").toString());
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.json().getString("message").contains("secret"), refused::toString);
        rollSecret(sk, null);
        Reply bad = create(sk, "ftp://127.0.0.1/x");
        assertEquals(400, bad.status(), bad::toString);
    }

    @Test
    void retriesGoOnAfterTheServerIsKilledAndRestarted() throws Exception {
        String sk = api.paidKey(ApiClient.uniqueUser("restart"), 60);
        String secret = rollSecret(sk, null);
        // three failures: 1 s, 2 s, then 20 s until the fourth attempt, in which the server is killed and restarted
        String id = failingTask(sk, receiver.hook("restart", 500, 500, 500));
        Await.until(
                "three failed attempts",
                Duration.ofSeconds(60),
                () -> receiver.received("restart"),
                l -> l.size() == 3);
        // and recorded: killed between the receiver's answer and that commit, the attempt is (rightly) made again
        Await.until(
                "three attempts in the delivery log",
                Duration.ofSeconds(30),
                () -> deliveries(sk, id),
                l -> l.size() == 1 && l.getJsonObject(0).getJsonArray("log").size() == 3);
        server.kill();
        Instant killed = Instant.now();
        server.start();

        JsonObject delivery = awaitDelivery(sk, id, "delivered");
        List<Integer> statuses = delivery.getJsonArray("log").stream()
                .map(a -> a.asJsonObject().getInt("httpStatus"))
                .toList();
        assertEquals(List.of(500, 500, 500, 200), statuses, delivery::toString);
        List<WebhookReceiver.Received> got = receiver.received("restart");
        assertEquals(4, got.size());
        assertTrue(got.get(3).at().isAfter(killed), "the fourth attempt came from the restarted server");
        assertTrue(WebhookSignature.verify(
                got.get(3).header("ClipZap-Signature"),
                secret,
                got.get(3).body(),
                Instant.now().getEpochSecond(),
                300));
    }

    // ---- steps ----

    private static String rollSecret(String sk, Long graceSeconds) {
        Reply r = api.post(
                "/v1/faceswap_openapi/webhook_secret",
                graceSeconds == null ? "{}" : "{\"graceSeconds\":" + graceSeconds + "}",
                "X-ClipZap-Apikey",
                sk);
        assertEquals(200, r.status(), r::toString);
        return r.data().getString("secret");
    }

    private static Reply create(String sk, String callback) {
        return api.createTask(
                String.format(
                        "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\"," + "\"duration\":2,\"callbackUrl\":\"%s\"}",
                        receiver.url("missing.jpg"), receiver.url("missing.mp4"), callback),
                sk);
    }

    /** A task whose photo is a 404: it fails within seconds, which fires its callback. */
    private static String failingTask(String sk, java.net.URI callback) {
        Reply created = create(sk, callback.toString());
        assertEquals(201, created.status(), created::toString);
        return created.data().getString("id");
    }

    private static JsonArray deliveries(String sk, String taskId) {
        Reply r = api.get("/v1/faceswap_openapi/webhooks?taskId=" + taskId, "X-ClipZap-Apikey", sk);
        assertEquals(200, r.status(), r::toString);
        return r.data().getJsonArray("list");
    }

    private static JsonObject awaitDelivery(String sk, String taskId, String status) {
        return Await.until(
                        "delivery of task " + taskId + " " + status,
                        Duration.ofSeconds(120),
                        () -> deliveries(sk, taskId),
                        l -> l.size() == 1
                                && l.getJsonObject(0).getString("status").equals(status))
                .getJsonObject(0);
    }
}
