package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two servers on loopback, one PostgreSQL database, one storage directory. Tasks spread over both nodes run exactly
 * once and are served by either; a node killed mid-task has the task taken over by the other after its lease, with
 * less than a chunk per partition redone; the killed node rejoins without running the task again. Short leases
 * (6 s, renewed every 2 s) keep the takeover quick.
 */
class ClusterIT {
    private static final int USERS = 3;
    private static final int TASKS_PER_USER = 10;
    private static final int CHUNK_FRAMES = 30;
    private static final int PARTITIONS = 2;

    @Test
    void tasksRunOnceOnEitherNodeAndALostNodesTaskIsTakenOver() throws Exception {
        assumeTrue(PostgresSession.active(), "the cluster test runs on the PostgreSQL run only");
        Path storage = Files.createDirectories(
                Path.of("target", "it-servers", "cluster-storage").toAbsolutePath());
        try (MediaServer media = new MediaServer();
                ServerProcess a = node("cluster-a", 400, storage);
                ServerProcess b = node("cluster-b", 500, storage)) {
            a.start();
            b.start();
            ApiClient apiA = new ApiClient(a.base());
            ApiClient apiB = new ApiClient(b.base());
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI small = media.serve(
                    "small.mp4",
                    TestVideos.movingFace(
                            "cluster", TestImages.ASTRONAUT, 160, 120, 10, 10, true, TestVideos.Format.MP4));

            Map<String, String> keys = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String user = ApiClient.uniqueUser("cluster" + u);
                keys.put(user, apiA.paidKey(user, 100));
            }
            int i = 0;
            for (int n = 0; n < TASKS_PER_USER; n++) {
                for (String user : keys.keySet()) {
                    ApiClient api = i++ % 2 == 0 ? apiA : apiB;
                    Reply r = api.createTask(
                            String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":1.5}", photo, small),
                            keys.get(user));
                    assertEquals(201, r.status(), r::toString);
                    ids.add(r.data().getString("id"));
                }
            }
            Map<String, Integer> perNode = new TreeMap<>();
            for (String id : ids) {
                JsonObject t = awaitEnd(apiB, id, Duration.ofSeconds(600));
                assertEquals("succeeded", t.getJsonObject("task").getString("status"), t::toString);
                assertEquals(1, executionsOf(id), "one job execution for task " + id);
                assertEquals(
                        t.getJsonObject("task").getJsonNumber("frames").longValue(),
                        t.getJsonNumber("framesProcessed").longValue(),
                        "every frame swapped once");
                perNode.merge(t.getString("node"), 1, Integer::sum);
            }
            System.out.println("ClusterIT: tasks per node " + perNode);
            assertEquals(2, perNode.size(), "both nodes processed tasks: " + perNode);
            for (String user : keys.keySet()) {
                String owned = ids.get(new ArrayList<>(keys.keySet()).indexOf(user));
                for (ApiClient api : List.of(apiA, apiB)) {
                    Reply list = api.get(
                            "/v1/faceswap_openapi/listbyids?objectID=" + owned, "X-ClipZap-Apikey", keys.get(user));
                    assertEquals(200, list.status(), list::toString);
                    String url =
                            list.data().getJsonArray("list").getJsonObject(0).getString("resultUrl");
                    // the signed link one node handed out, used with no key on the other node (issue 26)
                    ApiClient other = api == apiA ? apiB : apiA;
                    URI link = URI.create(url);
                    String onOtherNode = other.base()
                            .resolve(link.getRawPath().substring(1) + "?" + link.getRawQuery())
                            .toString();
                    java.net.http.HttpResponse<Path> got = java.net.http.HttpClient.newBuilder()
                            .version(java.net.http.HttpClient.Version.HTTP_1_1)
                            .build()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(URI.create(onOtherNode))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofFile(
                                            TestVideos.dir().resolve("cluster-" + owned + ".mp4")));
                    assertEquals(200, got.statusCode(), onOtherNode);
                    assertTrue(Files.size(got.body()) > 0);
                }
            }

            // a photo target (issue 26) created on one node, its result served by the other
            String photoUser = keys.keySet().iterator().next();
            URI target = media.serve("astronaut.png", TestImages.file(TestImages.ASTRONAUT));
            Reply photoTask = apiA.createTask(
                    String.format("{\"imageUrl\":\"%s\",\"targetImageUrl\":\"%s\"}", photo, target),
                    keys.get(photoUser));
            assertEquals(201, photoTask.status(), photoTask::toString);
            String photoId = photoTask.data().getString("id");
            JsonObject photoDone = awaitEnd(apiB, photoId, Duration.ofSeconds(300));
            assertEquals("succeeded", photoDone.getJsonObject("task").getString("status"), photoDone::toString);
            assertEquals(1, executionsOf(photoId), "one job execution for the photo task");
            for (ApiClient api : List.of(apiA, apiB)) {
                java.net.http.HttpResponse<Path> got = ApiClientFiles.download(
                        api,
                        api.base() + "v1/faceswap_openapi/result/" + photoId,
                        keys.get(photoUser),
                        TestVideos.dir().resolve("cluster-photo-" + photoId + ".png"));
                assertEquals(200, got.statusCode(), got::toString);
                assertEquals(
                        "image/png", got.headers().firstValue("Content-Type").orElse(""));
                assertTrue(Files.size(got.body()) > 1000);
            }
            System.out.println("ClusterIT: photo task run on " + photoDone.getString("node") + ", served by both");

            // a longer task; the node that runs it dies
            String user = keys.keySet().iterator().next();
            URI longer = media.serve(
                    "longer.mp4",
                    TestVideos.movingFace(
                            "cluster-long", TestImages.ASTRONAUT, 960, 540, 25, 600, true, TestVideos.Format.MP4));
            String id = apiA.createTask(
                            String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":25}", photo, longer),
                            keys.get(user))
                    .data()
                    .getString("id");
            JsonObject midway = Await.until(
                    "progress between 5 and 50",
                    Duration.ofSeconds(300),
                    () -> apiB.adminGet("/v1/admin/tasks/" + id).data(),
                    t -> {
                        int p = t.getJsonObject("task").getInt("progress");
                        return p >= 5 && p <= 50
                                || !t.getJsonObject("task").getString("status").equals("processing")
                                        && !t.getJsonObject("task")
                                                .getString("status")
                                                .equals("queued");
                    });
            assertEquals("processing", midway.getJsonObject("task").getString("status"), midway::toString);
            String deadNode = midway.getString("node");
            boolean aDies = isNodeOf(a, deadNode);
            ServerProcess victim = aDies ? a : b;
            ApiClient survivor = aDies ? apiB : apiA;
            Instant killedAt = Instant.now();
            victim.kill();
            JsonObject takenOver = Await.until(
                    "another node to take the task over",
                    Duration.ofSeconds(120),
                    () -> survivor.adminGet("/v1/admin/tasks/" + id).data(),
                    t -> !deadNode.equals(t.getString("node", deadNode)));
            System.out.println("ClusterIT: takeover "
                    + Duration.between(killedAt, Instant.now()).toMillis() + " ms after kill -9 (lease 6 s)");
            assertEquals(2, takenOver.getInt("attempts"), takenOver::toString);
            JsonObject done = awaitEnd(survivor, id, Duration.ofSeconds(300));
            assertEquals("succeeded", done.getJsonObject("task").getString("status"), done::toString);
            long frames = done.getJsonObject("task").getJsonNumber("frames").longValue();
            long processed = done.getJsonNumber("framesProcessed").longValue();
            System.out.println("ClusterIT: frames " + frames + ", processed over both runs " + processed);
            assertTrue(
                    processed >= frames && processed - frames < (long) CHUNK_FRAMES * PARTITIONS,
                    "redone fewer than one chunk per partition: " + processed + " for " + frames);
            int executions = executionsOf(id);

            // the killed node comes back and must not run the task again
            victim.start();
            ApiClient rejoined = aDies ? apiA : apiB;
            String probe = rejoined.createTask(
                            String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":1.5}", photo, small),
                            keys.get(user))
                    .data()
                    .getString("id");
            assertEquals(
                    "succeeded",
                    awaitEnd(rejoined, probe, Duration.ofSeconds(120))
                            .getJsonObject("task")
                            .getString("status"));
            assertEquals(executions, executionsOf(id), "the rejoined node did not restart the finished task");
            assertEquals(
                    "succeeded",
                    rejoined.adminGet("/v1/admin/tasks/" + id)
                            .data()
                            .getJsonObject("task")
                            .getString("status"));

            for (String u : keys.keySet()) {
                JsonObject account = survivor.adminGet("/v1/admin/users/" + u).data();
                long charged = chargedSeconds(u);
                assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
                assertEquals(charged, account.getJsonNumber("spentSeconds").longValue(), account::toString);
                assertEquals(
                        100 - charged, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
            }
            assertNotEquals(deadNode, done.getString("node"));
        }
    }

    private static ServerProcess node(String name, int offset, Path storage) throws Exception {
        return shortLeases(name, offset, storage).database("cluster");
    }

    /** A node of a cluster test: short leases (6 s, renewed every 2 s), the shared storage, media on loopback. */
    static ServerProcess shortLeases(String name, int offset, Path storage) throws Exception {
        return ServerProcess.prepare(
                        name,
                        offset,
                        "-Dclipzap.media.allow-private-networks=true",
                        "-Dclipzap.tasks.lease-seconds=6",
                        "-Dclipzap.tasks.lease-renew-seconds=2",
                        "-Dclipzap.tasks.max-running=4",
                        "-Dclipzap.tasks.max-running-per-user=2")
                .env("CLIPZAP_STORAGE_DIR", storage.toString());
    }

    /** Whether {@code node} is the id of server {@code s}: the id it generated is kept in its data directory. */
    static boolean isNodeOf(ServerProcess s, String node) throws Exception {
        // the file's first line is the id (the second, the directory it belongs to)
        return Files.readAllLines(s.dataDir().resolve("faceswap").resolve("node-id"))
                .get(0)
                .strip()
                .equals(node);
    }

    private static JsonObject awaitEnd(ApiClient api, String id, Duration timeout) {
        return Await.until(
                "task " + id + " to end",
                timeout,
                () -> api.adminGet("/v1/admin/tasks/" + id).data(),
                t -> !List.of("queued", "processing")
                        .contains(t.getJsonObject("task").getString("status")));
    }

    private static int executionsOf(String taskId) throws SQLException {
        return executionsOf("cluster", taskId);
    }

    /** Job executions of the task in that database's job repository (a restart is one more). */
    static int executionsOf(String database, String taskId) throws SQLException {
        return count(
                database, "select count(*) from job_execution where jobparameters like ?", "%taskId = " + taskId + "%");
    }

    private static int chargedSeconds(String user) throws SQLException {
        return count(
                "cluster",
                "select coalesce(sum(chargedseconds), 0) from faceswap_task where userid = ? "
                        + "and status = 'SUCCEEDED'",
                user);
    }

    private static int count(String database, String sql, String parameter) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port") + "/" + database;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
