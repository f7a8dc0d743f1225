package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, two nodes: each reaches the shared PostgreSQL database through a {@link FaultProxy}. While tasks run, the
 * proxy of a node running one freezes (a network partition: its connections hang, new ones get no answer) and the
 * other node goes on. The cut-off node's tasks are taken over by the other once their leases lapse, exactly once,
 * and finished there; then the partition heals. The returning node's runs of those tasks stop without writing: its
 * files and the task rows stay as the other node left them, and it serves and runs new tasks again. Short leases
 * (6 s, renewed every 2 s) keep it quick.
 */
class NodeCutOffIT {
    private static final int FRAMES = 750; // 30 s at 25 fps, 640x360: still running when the partition begins
    private static final int CHUNK_FRAMES = 30;
    private static final int PARTITIONS = 2;

    @Test
    void aCutOffNodesTasksAreTakenOverOnceAndItWritesNothingWhenItReturns() throws Exception {
        assumeTrue(PostgresSession.active(), "needs the PostgreSQL run: H2 is embedded in each server's own JVM");
        String database = PostgresSession.freshDatabase("cutoff");
        Path storage = Files.createDirectories(
                Path.of("target", "it-servers", "cutoff-storage").toAbsolutePath());
        int pgPort = Integer.getInteger("pg.port");
        try (MediaServer media = new MediaServer();
                FaultProxy proxyA = new FaultProxy(pgPort);
                FaultProxy proxyB = new FaultProxy(pgPort);
                ServerProcess a = node("cutoff-a", 1500, storage, database, proxyA);
                ServerProcess b = node("cutoff-b", 1600, storage, database, proxyB)) {
            a.start();
            b.start();
            ApiClient apiA = new ApiClient(a.base());
            ApiClient apiB = new ApiClient(b.base());
            URI photo = media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "cutoff.mp4",
                    TestVideos.movingFace(
                            "cutoff", TestImages.ASTRONAUT, 640, 360, 25, FRAMES, true, TestVideos.Format.MP4));
            List<String> users = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String user = ApiClient.uniqueUser("cutoff" + i);
                String sk = apiA.paidKey(user, 100);
                Reply created = (i % 2 == 0 ? apiA : apiB)
                        .post(
                                "/v1/faceswap_openapi/create",
                                String.format(
                                        "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":30}", photo, video),
                                "X-ClipZap-Apikey",
                                sk);
                assertEquals(201, created.status(), created::toString);
                users.add(user);
                ids.add(created.data().getString("id"));
            }
            JsonObject underWay = Await.until(
                            "a task under way",
                            Duration.ofSeconds(240),
                            () -> ids.stream().map(id -> task(apiB, id)).toList(),
                            tasks -> tasks.stream().anyMatch(NodeCutOffIT::underWay))
                    .stream()
                    .filter(NodeCutOffIT::underWay)
                    .findFirst()
                    .orElseThrow();
            String cutNode = underWay.getString("node");
            boolean aIsCut = ClusterIT.isNodeOf(a, cutNode);
            ServerProcess cut = aIsCut ? a : b;
            ApiClient cutApi = aIsCut ? apiA : apiB;
            ApiClient survivor = aIsCut ? apiB : apiA;
            FaultProxy partition = aIsCut ? proxyA : proxyB;
            List<String> cutTasks = ids.stream()
                    .filter(id -> cutNode.equals(task(survivor, id).getString("node", "")))
                    .toList();
            Map<String, Integer> executionsBefore = new TreeMap<>();
            for (String id : cutTasks) {
                executionsBefore.put(id, ClusterIT.executionsOf("cutoff", id));
            }

            // the partition: only the cut-off node's database traffic stops
            long cutAt = System.currentTimeMillis();
            partition.freeze();
            Map<String, String> rows = new TreeMap<>();
            Map<String, List<String>> files = new TreeMap<>();
            try {
                Await.until(
                        "the cut-off node's /health to answer 503",
                        Duration.ofSeconds(30),
                        () -> cutApi.get("/health").status(),
                        status -> status == 503);
                System.out.printf(
                        "NodeCutOffIT: %s cut off at %d ms running %s; /health 503 after %d ms%n",
                        aIsCut ? "node A" : "node B", cutAt % 100000, cutTasks, System.currentTimeMillis() - cutAt);
                for (String id : cutTasks) {
                    JsonObject taken = Await.until(
                            "the other node to take " + id + " over",
                            Duration.ofSeconds(90),
                            () -> task(survivor, id),
                            t -> !cutNode.equals(t.getString("node", cutNode)) || ended(t));
                    System.out.printf(
                            "NodeCutOffIT: %s taken over %d ms after the cut (lease 6 s)%n",
                            id, System.currentTimeMillis() - cutAt);
                    assertFalse(ended(taken) && !succeeded(taken), taken::toString);
                }
                for (String id : ids) {
                    JsonObject done = Await.until(
                            "task " + id + " to end",
                            Duration.ofSeconds(300),
                            () -> task(survivor, id),
                            NodeCutOffIT::ended);
                    assertTrue(succeeded(done), done::toString);
                }
                for (String id : cutTasks) {
                    rows.put(id, row(id));
                    files.put(id, listing(storage.resolve("tasks").resolve(id)));
                }
            } finally {
                partition.thaw();
            }
            long thawedAt = System.currentTimeMillis();
            Await.until(
                    "the returning node's /health to answer 200",
                    Duration.ofSeconds(60),
                    () -> cutApi.get("/health").status(),
                    status -> status == 200);
            System.out.printf(
                    "NodeCutOffIT: partition healed after %d ms; /health 200 again %d ms later%n",
                    thawedAt - cutAt, System.currentTimeMillis() - thawedAt);
            for (String id : cutTasks) {
                // the returning node's own run of the task ends, and ends without writing
                Await.until(
                        "the returning node's run of " + id + " to end",
                        Duration.ofSeconds(180),
                        () -> log(cut),
                        log -> log.lines()
                                .anyMatch(l -> l.contains("Task " + id + ": job execution") && l.contains(" ended ")));
                assertEquals(rows.get(id), row(id), "the task's row as the other node left it");
                if (id.equals(underWay.getJsonObject("task")
                        .getString("id"))) { // its run was swapping: it met the fence on its next write
                    assertTrue(log(cut).contains("Task " + id + ": no longer held by this node"), id);
                }
                assertEquals(
                        files.get(id),
                        listing(storage.resolve("tasks").resolve(id)),
                        "the task's files as the other node left them");
                JsonObject t = task(survivor, id);
                assertEquals(2, t.getInt("attempts"), t::toString);
                assertEquals(
                        executionsBefore.get(id) + 1,
                        ClusterIT.executionsOf("cutoff", id),
                        "one restart of " + id + ", on the other node");
                long frames = t.getJsonObject("task").getJsonNumber("frames").longValue();
                long processed = t.getJsonNumber("framesProcessed").longValue();
                System.out.printf("NodeCutOffIT: %s frames %d, processed over both nodes %d%n", id, frames, processed);
                assertTrue(
                        processed >= frames && processed - frames <= (long) CHUNK_FRAMES * PARTITIONS,
                        "redone at most one chunk per partition: " + processed + " for " + frames);
            }

            // the returning node serves and runs tasks again
            String sk = cutApi.paidKey(ApiClient.uniqueUser("cutoff-back"), 100);
            Reply probe = cutApi.createTask(
                    String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":30}", photo, video), sk);
            assertEquals(201, probe.status(), probe::toString);
            assertTrue(succeeded(Await.until(
                    "the probe task to end",
                    Duration.ofSeconds(300),
                    () -> task(cutApi, probe.data().getString("id")),
                    NodeCutOffIT::ended)));

            for (String user : users) {
                JsonObject account =
                        survivor.adminGet("/v1/admin/users/" + user).data();
                assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
                assertEquals(30, account.getJsonNumber("spentSeconds").longValue(), account::toString);
                assertEquals(70, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
            }
        }
    }

    private static ServerProcess node(String name, int offset, Path storage, String database, FaultProxy proxy)
            throws Exception {
        String throughProxy = database.replace(":" + System.getProperty("pg.port") + "/", ":" + proxy.port() + "/");
        return ClusterIT.shortLeases(name, offset, storage).env("CLIPZAP_DB_URL", throughProxy);
    }

    private static boolean underWay(JsonObject t) {
        int progress = t.getJsonObject("task").getInt("progress");
        return "processing".equals(t.getJsonObject("task").getString("status")) && progress >= 5 && progress <= 60;
    }

    private static boolean ended(JsonObject t) {
        return !List.of("queued", "processing").contains(t.getJsonObject("task").getString("status"));
    }

    private static boolean succeeded(JsonObject t) {
        return "succeeded".equals(t.getJsonObject("task").getString("status"));
    }

    private static JsonObject task(ApiClient api, String id) {
        return api.adminGet("/v1/admin/tasks/" + id).data();
    }

    private static String log(ServerProcess server) {
        try {
            return Files.readString(server.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The task's row as the database holds it, every column. */
    private static String row(String id) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port") + "/cutoff";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select * from faceswap_task where id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "row " + id);
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    out.append(r.getMetaData().getColumnName(i))
                            .append('=')
                            .append(r.getString(i))
                            .append(' ');
                }
                return out.toString();
            }
        }
    }

    /** Every file under the task's storage directory, with its size and modification time. */
    private static List<String> listing(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                out.add(dir.relativize(p) + " " + (Files.isRegularFile(p) ? Files.size(p) : -1) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
            return out;
        }
    }
}
