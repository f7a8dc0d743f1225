package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoProbe;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: a chunk whose write or commit loses its database connection is done again in place, not by failing the
 * run and resuming the task. While a task runs, the test makes the next chunk's transaction wait where it wants it
 * and terminates that chunk's connection there ({@code pg_terminate_backend}), as a database restart or a dropped
 * connection would end it, then lets the chunks go on:
 *
 * <ul>
 *   <li>in its write: the test locks the task's row, so the chunk's progress update waits on it;
 *   <li>in its commit: a deferred constraint trigger of the test's (on the progress column) waits on an advisory
 *       lock the test holds, so the chunk's COMMIT waits, and the connection dies under it. Narayana then cannot
 *       tell whether the commit landed (a heuristic outcome, as a fast restart produced in a CI run).
 * </ul>
 *
 * Either way the server logs the chunk retried in place, and the task succeeds on its first attempt and its one job
 * execution, every frame counted once, its video whole, and the books exact.
 */
class ChunkRetryIT {
    private static final int FRAMES = 600; // 24 s at 25 fps, 640x360
    private static final String RETRIED = "doing it again in place";
    /** The advisory lock the commit gate waits on. */
    private static final long COMMIT_GATE = 303_030L;

    @Test
    void aChunkThatLostItsConnectionInItsWriteIsDoneAgainInPlace() throws Exception {
        cutAChunk("chunk-retry", 1700, false, (database, taskId) -> {
            try (Connection holder = connect(database)) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock =
                        holder.prepareStatement("select id from faceswap_task where id = ? for update")) {
                    lock.setString(1, taskId);
                    lock.executeQuery().close();
                }
                return killWhenWaiting(database, "wait_event_type = 'Lock' and query ilike '%framesdone%'");
            }
        });
    }

    @Test
    void aChunkThatLostItsConnectionInItsCommitIsDoneAgainInPlace() throws Exception {
        cutAChunk("chunk-commit", 1740, true, (database, taskId) -> {
            try (Connection gate = connect(database);
                    Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_lock(" + COMMIT_GATE + ")");
                s.execute("create or replace function test_commit_gate() returns trigger language plpgsql as $$ "
                        + "begin perform pg_advisory_xact_lock(" + COMMIT_GATE + "); return null; end $$");
                s.execute("create constraint trigger test_commit_gate after update of framesdone on faceswap_task "
                        + "deferrable initially deferred for each row execute function test_commit_gate()");
                try {
                    return killWhenWaiting(database, "wait_event = 'advisory' and query ilike 'commit%'");
                } finally {
                    // the gate opens first: dropping the trigger waits for the chunks' transactions to end
                    s.execute("select pg_advisory_unlock(" + COMMIT_GATE + ")");
                    s.execute("drop trigger test_commit_gate on faceswap_task");
                }
            }
        });
    }

    /** Where the test makes a running chunk wait and kills its connection; returns how many connections it killed. */
    private interface Cut {
        long apply(String database, String taskId) throws Exception;
    }

    /**
     * Runs a task, cuts one of its chunks where {@code cut} says, and checks the outcome; {@code atCommit}: whether
     * the cut falls in the commit (the writer then met no fault of its own: {@code TransientDatabaseFault}).
     */
    private void cutAChunk(String name, int portOffset, boolean atCommit, Cut cut) throws Exception {
        assumeTrue(PostgresSession.active(), "needs the PostgreSQL run: connections are killed in the server");
        String database = name.replace('-', '_');
        try (MediaServer media = new MediaServer();
                ServerProcess server =
                        ServerProcess.prepare(name, portOffset, "-Dclipzap.media.allow-private-networks=true")) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            URI photo = media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "retry.mp4",
                    TestVideos.movingFace(
                            name, TestImages.ASTRONAUT, 640, 360, 25, FRAMES, true, TestVideos.Format.MP4));
            String user = ApiClient.uniqueUser("retry");
            String sk = api.paidKey(user, 60);
            Reply created = api.createTask(
                    String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":24}", photo, video), sk);
            assertEquals(201, created.status(), created::toString);
            String id = created.data().getString("id");
            Await.until(
                    "the task under way",
                    Duration.ofSeconds(180),
                    () -> task(api, id),
                    t -> t.getJsonObject("task").getInt("progress") >= 5);

            long start = System.currentTimeMillis();
            long killed = cut.apply(database, id);
            Await.until("a chunk retried in place", Duration.ofSeconds(60), () -> count(server, RETRIED), n -> n > 0);
            long retries = count(server, RETRIED);
            System.out.printf(
                    "ChunkRetryIT %s: %d chunk connection(s) killed while waiting %d ms; %d chunk(s) retried in place,"
                            + " after %s%n",
                    name, killed, System.currentTimeMillis() - start, retries, faults(server));
            assertEquals(
                    List.of(!atCommit),
                    faults(server).stream()
                            .map("TransientDatabaseFault"::equals)
                            .distinct()
                            .toList(),
                    (atCommit ? "a commit's" : "a write's") + " fault: " + faults(server));

            JsonObject done =
                    Await.until("the task to end", Duration.ofSeconds(300), () -> task(api, id), t -> ended(t));
            assertEquals("succeeded", done.getJsonObject("task").getString("status"), done::toString);
            assertEquals(1, done.getInt("attempts"), "retried in place, not resumed: " + done);
            assertEquals(1, executions(database, id), "one job execution");
            assertEquals(
                    FRAMES, done.getJsonObject("task").getJsonNumber("frames").longValue());
            assertEquals(FRAMES, done.getJsonNumber("framesProcessed").longValue(), "every frame counted once");
            Path result = ApiClientFiles.download(
                            api,
                            done.getJsonObject("task").getString("resultUrl"),
                            sk,
                            TestVideos.dir().resolve("result-" + name + ".mp4"))
                    .body();
            assertEquals(FRAMES, VideoProbe.probe(result, VideoLimits.DEFAULT).frameCount(), "the video is whole");
            JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
            assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
            assertEquals(24, account.getJsonNumber("spentSeconds").longValue(), account::toString);
            assertEquals(36, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
        }
    }

    /**
     * Waits until a chunk's connection of the server waits where the test holds it, and terminates it (and any other
     * waiting there); its statement_timeout is 4.5 s, so the test looks every 50 ms.
     */
    private static long killWhenWaiting(String database, String where) {
        String waiting = "from pg_stat_activity where datname = '" + database + "' and " + where;
        Await.until(
                "a chunk waiting where the test holds it",
                Duration.ofSeconds(60),
                Duration.ofMillis(50),
                () -> count("select count(*) " + waiting),
                n -> n > 0);
        return count("select count(*) filter (where pg_terminate_backend(pid)) " + waiting);
    }

    /** The admin view of the task; a 503 while the server's probe still counts a killed connection is asked again. */
    private static JsonObject task(ApiClient api, String id) {
        return Await.until(
                        "the admin view of " + id,
                        Duration.ofSeconds(30),
                        () -> api.adminGet("/v1/admin/tasks/" + id),
                        r -> r.status() == 200)
                .data();
    }

    private static boolean ended(JsonObject t) {
        return !List.of("queued", "processing").contains(t.getJsonObject("task").getString("status"));
    }

    private static Connection connect(String name) throws java.sql.SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port") + "/" + name, "postgres", "postgres");
    }

    /** The exceptions the retried chunks met, as the server logs them ("connection (X); doing it again"). */
    private static List<String> faults(ServerProcess server) {
        try {
            return Files.readString(server.log())
                    .lines()
                    .filter(l -> l.contains(RETRIED))
                    .map(l -> l.replaceAll(".*connection \\((\\w+)\\); " + RETRIED + ".*", "$1"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(ServerProcess server, String marker) {
        try {
            return Files.readString(server.log())
                    .lines()
                    .filter(l -> l.contains(marker))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(String sql) {
        try (Connection c = connect("postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int executions(String database, String id) throws Exception {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select count(*) from job_execution where jobparameters like '%taskId = " + id + "%'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
