package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed result links (issue 26): used with no key by a plain HTTP client, with Range; refused when one character
 * changes and after expiry (a link signed with the server's own key file but an expiry already past: what a link
 * becomes once its time is up); a key roll keeps links already out working; the webhook payload carries a link.
 */
class ResultLinkIT extends DeployedWarIT {
    static final HttpClient PLAIN =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static MediaServer media;
    static WebhookReceiver receiver;

    @BeforeAll
    static void media() throws Exception {
        media = new MediaServer();
        receiver = new WebhookReceiver();
        media.serve(
                "clip.mp4",
                TestVideos.movingFace("link", TestImages.ASTRONAUT, 320, 240, 25, 50, true, TestVideos.Format.MP4));
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
    }

    @AfterAll
    static void stop() {
        media.close();
        receiver.close();
    }

    static Path keyFile() {
        return Path.of(System.getProperty("jboss.home", "target/server"))
                .resolve("standalone/data/faceswap/keys/result-links");
    }

    static HttpResponse<byte[]> plainGet(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject json(HttpResponse<byte[]> r) {
        return Json.createReader(new StringReader(new String(r.body(), StandardCharsets.UTF_8)))
                .readObject();
    }

    /** The same link with the character at {@code index} replaced by another of the same kind. */
    static String oneCharOff(String url, int index) {
        char c = url.charAt(index);
        char other = Character.isDigit(c) ? (c == '1' ? '2' : '1') : (c == 'a' ? 'b' : 'a');
        return url.substring(0, index) + other + url.substring(index + 1);
    }

    @Test
    void aSignedLinkServesTheResultWithoutAKeyUntilItExpiresOrIsAltered() throws Exception {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("link");
        String sk = api.paidKey(user, 60);
        String secret = api.post("/v1/faceswap_openapi/webhook_secret", "{}", "X-ClipZap-Apikey", sk)
                .data()
                .getString("secret");
        assertTrue(secret.startsWith("whsec_"));
        Reply created = api.createTask(
                String.format(
                        "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":2,\"callbackUrl\":\"%s\"}",
                        media.url("hopper.jpg"), media.url("clip.mp4"), receiver.hook("done")),
                sk);
        assertEquals(201, created.status(), created::toString);
        String id = created.data().getString("id");
        JsonObject done = Await.until(
                "the task to end",
                Duration.ofSeconds(180),
                () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0),
                t -> !t.getString("status").matches("queued|processing"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        String link = done.getString("resultUrl");
        Instant expiresAt = Instant.parse(done.getString("resultUrlExpiresAt"));
        long ttlLeft = Duration.between(Instant.now(), expiresAt).toSeconds();
        assertTrue(ttlLeft > 86_400 - 120 && ttlLeft <= 86_400, "the default lifetime, a day: " + ttlLeft);
        assertTrue(link.contains("/v1/faceswap_openapi/result_link/" + id + "?expires="), link);

        // no key at all, as curl or a <video> tag would fetch it
        HttpResponse<byte[]> whole = plainGet(link);
        assertEquals(200, whole.statusCode());
        assertEquals("video/mp4", whole.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> bySk = plainGet(base + "v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", sk);
        assertEquals(200, bySk.statusCode(), "the sk download keeps working");
        assertArrayEquals(bySk.body(), whole.body());
        assertTrue(whole.body().length > 1000);
        HttpResponse<byte[]> part = plainGet(link, "Range", "bytes=100-1099");
        assertEquals(206, part.statusCode());
        assertEquals(
                "bytes 100-1099/" + whole.body().length,
                part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole.body(), 100, 1100), part.body());

        // a fresh link on every read; each works
        String second = api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0)
                .getString("resultUrl");
        assertEquals(206, plainGet(second, "Range", "bytes=0-9").statusCode());

        // one character changed: in the signature, in the task id, in the expiry
        int sig = link.indexOf("sig=") + 10;
        int inId = link.indexOf(id) + 5;
        int inExpiry = link.indexOf("expires=") + 12;
        for (int index : List.of(sig, inId, inExpiry)) {
            String altered = oneCharOff(link, index);
            assertNotEquals(link, altered);
            HttpResponse<byte[]> refused = plainGet(altered);
            assertEquals(403, refused.statusCode(), altered);
            assertEquals(40302, json(refused).getInt("code"), altered);
        }

        // a genuine signature whose time is up
        String[] line = currentKeyLine();
        long past = Instant.now().getEpochSecond() - 1;
        String expired = base + "v1/faceswap_openapi/result_link/" + id + "?expires=" + past + "&kid=" + line[0]
                + "&sig=" + sign(line, id, past);
        HttpResponse<byte[]> late = plainGet(expired);
        assertEquals(403, late.statusCode(), new String(late.body(), StandardCharsets.UTF_8));
        assertEquals(40303, json(late).getInt("code"));
        long future = Instant.now().getEpochSecond() + 600;
        String forgedGood = base + "v1/faceswap_openapi/result_link/" + id + "?expires=" + future + "&kid=" + line[0]
                + "&sig=" + sign(line, id, future);
        assertEquals(200, plainGet(forgedGood).statusCode(), "the check itself: the same signing, not expired");

        // the webhook payload carries a working link (built on clipzap.public-base-url: sent here to this server)
        WebhookReceiver.Received got = Await.until(
                        "the callback", Duration.ofSeconds(60), () -> receiver.received("done"), l -> !l.isEmpty())
                .get(0);
        JsonObject payload = Json.createReader(new StringReader(new String(got.body(), StandardCharsets.UTF_8)))
                .readObject();
        URI hooked = URI.create(payload.getString("resultUrl"));
        assertTrue(payload.getString("resultUrlExpiresAt").length() > 10, payload::toString);
        assertEquals(
                200,
                plainGet(base + hooked.getRawPath().substring(1) + "?" + hooked.getRawQuery())
                        .statusCode());
    }

    @Test
    void theKeyFileIsPrivateAndARollKeepsLinksAlreadyOut() throws Exception {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("roll");
        String sk = api.paidKey(user, 60);
        Reply created = api.createTask(
                String.format(
                        "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":2}",
                        media.url("hopper.jpg"), media.url("clip.mp4")),
                sk);
        String id = created.data().getString("id");
        String before = Await.until(
                        "the task to end",
                        Duration.ofSeconds(180),
                        () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                                .data()
                                .getJsonArray("list")
                                .getJsonObject(0),
                        t -> !t.getString("status").matches("queued|processing"))
                .getString("resultUrl");
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--")); // an editor's slip
        Await.until(
                "the server to make its key file private again",
                Duration.ofSeconds(30),
                () -> {
                    api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk);
                    return uncheckedPermissions();
                },
                "rw-------"::equals);
        String oldKid = currentKeyLine()[0];
        assertTrue(before.contains("kid=" + oldKid), before);

        // an operator's roll: a new key first, the old one kept after it (README: Result links)
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        String rolledKid = "op" + Long.toHexString(System.nanoTime() & 0xffffffffL);
        Path tmp = Files.createTempFile(
                keyFile().getParent(),
                "roll",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                tmp,
                rolledKid + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(fresh) + "\n"
                        + Files.readString(keyFile()));
        Files.move(tmp, keyFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        String after = Await.until(
                "links signed by the new key",
                Duration.ofSeconds(30),
                () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0)
                        .getString("resultUrl"),
                u -> u.contains("kid=" + rolledKid));
        assertEquals(200, plainGet(after).statusCode());
        assertEquals(200, plainGet(before).statusCode(), "a link signed before the roll still works");

        // the admin's roll: the same, through the API, audited
        Reply rolled = api.adminPost("/v1/admin/result_links/roll_key", "");
        assertEquals(200, rolled.status(), rolled::toString);
        String newKid = rolled.data().getString("keyId");
        assertEquals(newKid, currentKeyLine()[0]);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        String latest = api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0)
                .getString("resultUrl");
        assertTrue(latest.contains("kid=" + newKid), latest);
        for (String link : List.of(before, after, latest)) {
            assertEquals(206, plainGet(link, "Range", "bytes=0-9").statusCode(), link);
        }
        assertTrue(
                api.adminGet("/v1/admin/audit?kind=result_link_key.roll").data().getJsonArray("list").stream()
                        .anyMatch(e -> e.asJsonObject().getString("subject").equals(newKid)),
                "the roll is audited");
        assertEquals(401, api.post("/v1/admin/result_links/roll_key", "").status(), "admins only");
    }

    static String uncheckedPermissions() {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The key that signs now: the first key line of the server's key file, as {id, base64url secret}. */
    static String[] currentKeyLine() throws Exception {
        return Files.readAllLines(keyFile()).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .findFirst()
                .orElseThrow()
                .split(" ", 2);
    }

    static String sign(String[] key, String taskId, long expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(key[1]), "HmacSHA256"));
        byte[] sig = mac.doFinal(
                ("result-link\n" + taskId + "\n" + expires + "\n" + key[0]).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }
}
