package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a task's data (issue 26): a running task and a finished one lose every file on the storage, answer 410
 * after, keep their books exact and leave one audit entry; deleting again changes nothing; an admin can delete any.
 */
class TaskDeleteIT extends DeployedWarIT {
    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static MediaServer media;
    static Path clip;

    ApiClient api;

    @BeforeAll
    static void media() throws Exception {
        media = new MediaServer();
        clip = TestVideos.movingFace("delete", TestImages.ASTRONAUT, 320, 240, 25, 50, true, TestVideos.Format.MP4);
        media.serve("clip.mp4", clip);
        media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    /** The task's directory on the server's storage (the ITs' server keeps it under its data directory). */
    static Path taskDir(String id) {
        return Path.of(System.getProperty("jboss.home", "target/server"))
                .resolve("standalone/data/faceswap/tasks")
                .resolve(id);
    }

    private String create(String sk, URI video) {
        Reply created = api.createTask(
                String.format(
                        "{\"title\":\"del\",\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":2}",
                        media.url("hopper.jpg"), video),
                sk);
        assertEquals(201, created.status(), created::toString);
        return created.data().getString("id");
    }

    private JsonObject task(String sk, String id) {
        return api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0);
    }

    private Reply delete(String sk, String id) {
        return api.post("/v1/faceswap_openapi/delete", "{\"objectID\":\"" + id + "\"}", "X-ClipZap-Apikey", sk);
    }

    private JsonArray audit(String user) {
        return api.adminGet("/v1/admin/audit?kind=task.delete&userId=" + user)
                .data()
                .getJsonArray("list");
    }

    private void assertBooks(String user, long held, long spent, long balance) {
        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(held, account.getJsonNumber("heldSeconds").longValue(), account::toString);
        assertEquals(spent, account.getJsonNumber("spentSeconds").longValue(), account::toString);
        assertEquals(balance, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
    }

    private static void assertTombstone(JsonObject t) {
        assertEquals("deleted", t.getString("status"), t::toString);
        for (String url : List.of("imageUrl", "videoUrl", "resultUrl")) {
            assertTrue(t.isNull(url), url + " is gone: " + t);
        }
    }

    @Test
    void aFinishedTasksResultIsErasedAnsweredGoneAndItsChargeStays() {
        String user = ApiClient.uniqueUser("delfin");
        String sk = api.paidKey(user, 60);
        String id = create(sk, media.url("clip.mp4"));
        JsonObject done = Await.until(
                "task to succeed",
                TIMEOUT,
                () -> task(sk, id),
                t -> !t.getString("status").matches("queued|processing"));
        assertEquals("succeeded", done.getString("status"), done::toString);
        assertTrue(Files.isRegularFile(taskDir(id).resolve("result.mp4")), "the result is on the storage");
        assertEquals(
                200,
                api.get("/v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", sk)
                        .status());
        assertBooks(user, 0, 2, 58);

        Reply deleted = delete(sk, id);
        assertEquals(200, deleted.status(), deleted::toString);
        assertTombstone(deleted.data());
        assertEquals(2, deleted.data().getJsonNumber("chargedSeconds").longValue(), "the charge stays on record");
        assertFalse(Files.exists(taskDir(id)), "no file of the task is left: " + taskDir(id));
        assertTombstone(task(sk, id));
        Reply gone = api.get("/v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", sk);
        assertEquals(410, gone.status(), gone::toString);
        assertEquals(41002, gone.code());
        assertBooks(user, 0, 2, 58);

        JsonArray entries = audit(user);
        assertEquals(1, entries.size(), entries::toString);
        assertEquals(id, entries.getJsonObject(0).getString("subject"));
        assertTrue(entries.getJsonObject(0).getString("actor").startsWith("key:"), entries::toString);

        Reply again = delete(sk, id);
        assertEquals(200, again.status(), "idempotent: " + again);
        assertTombstone(again.data());
        assertEquals(1, audit(user).size(), "a second delete writes no second entry");
        assertBooks(user, 0, 2, 58);
    }

    @Test
    void aRunningTaskIsCanceledItsSecondsComeBackAndItsFilesGo() {
        String user = ApiClient.uniqueUser("delrun");
        String sk = api.paidKey(user, 60);
        URI held = media.serveHeld("held-delete.mp4", clip);
        String id = create(sk, held);
        Await.until(
                "the task to run",
                TIMEOUT,
                () -> task(sk, id),
                t -> t.getString("status").equals("processing"));
        Await.until(
                "the photo to be fetched",
                TIMEOUT,
                () -> Files.exists(taskDir(id).resolve("input-image")),
                f -> f);
        assertBooks(user, 2, 0, 58);

        Reply deleted = delete(sk, id);
        assertEquals(200, deleted.status(), deleted::toString);
        assertTombstone(deleted.data());
        media.release("held-delete.mp4");
        Await.until(
                "the job to stop and the files to go",
                TIMEOUT,
                () -> api.adminGet("/v1/admin/tasks/" + id).data(),
                t -> api.adminGet("/v1/admin/users/" + user)
                                        .data()
                                        .getJsonNumber("heldSeconds")
                                        .longValue()
                                == 0
                        && !t.isNull("executionStatus")
                        && t.getString("executionStatus").matches("STOPPED|FAILED|COMPLETED|ABANDONED")
                        && !Files.exists(taskDir(id)));
        assertTombstone(task(sk, id));
        assertBooks(user, 0, 0, 60);
        Reply gone = api.get("/v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", sk);
        assertEquals(410, gone.status(), gone::toString);
        assertEquals(41002, gone.code());
        assertEquals(1, audit(user).size());
        assertTrue(audit(user).getJsonObject(0).getString("detail").contains("processing"), audit(user)::toString);
    }

    @Test
    void anAdminDeletesAnyTaskAndOtherUsersCannot() {
        String user = ApiClient.uniqueUser("deladm");
        String sk = api.paidKey(user, 60);
        String otherSk = api.paidKey(ApiClient.uniqueUser("delother"), 60);
        String id = create(sk, media.url("clip.mp4"));

        Reply notYours = delete(otherSk, id);
        assertEquals(404, notYours.status(), notYours::toString);
        assertEquals(40401, notYours.code());
        Reply malformed = delete(sk, "nope");
        assertEquals(400, malformed.status(), malformed::toString);
        Reply unknown = api.adminPost("/v1/admin/tasks/" + "0".repeat(24) + "/delete", "");
        assertEquals(404, unknown.status(), unknown::toString);

        Reply byAdmin = api.adminPost("/v1/admin/tasks/" + id + "/delete", "");
        assertEquals(200, byAdmin.status(), byAdmin::toString);
        assertTombstone(byAdmin.data().getJsonObject("task"));
        Await.until(
                "the task's seconds to come back",
                TIMEOUT,
                () -> api.adminGet("/v1/admin/users/" + user).data(),
                a -> a.getJsonNumber("heldSeconds").longValue() == 0);
        assertTombstone(task(sk, id));
        JsonArray entries = audit(user);
        assertEquals(1, entries.size(), entries::toString);
        assertTrue(entries.getJsonObject(0).getString("actor").startsWith("admin:"), entries::toString);
        assertEquals(
                60,
                api.adminGet("/v1/admin/users/" + user)
                        .data()
                        .getJsonNumber("balanceSeconds")
                        .longValue());
    }
}
