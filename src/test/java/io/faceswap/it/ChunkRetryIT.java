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
 * run and resuming the task. While a task runs, the test locks the task's row, so the next chunk's progress update
 * waits on it, and terminates that chunk's connection ({@code pg_terminate_backend}) while it waits, as a database
 * restart or a dropped connection would end it; then it releases the row. The server logs the chunk retried in place,
 * and the task succeeds on its first attempt and its one job execution, every frame counted
 * once, its video whole, and the books exact.
 */
class ChunkRetryIT {
    private static final int FRAMES = 600; // 24 s at 25 fps, 640x360
    private static final String RETRIED = "lost its database connection; doing it again in place";

    @Test
    void aChunkThatLostItsConnectionIsDoneAgainInPlace() throws Exception {
        assumeTrue(PostgresSession.active(), "needs the PostgreSQL run: connections are killed in the server");
        try (MediaServer media = new MediaServer();
                ServerProcess server =
                        ServerProcess.prepare("chunk-retry", 1700, "-Dclipzap.media.allow-private-networks=true")) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            URI photo = media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "retry.mp4",
                    TestVideos.movingFace(
                            "chunk-retry", TestImages.ASTRONAUT, 640, 360, 25, FRAMES, true, TestVideos.Format.MP4));
            String user = ApiClient.uniqueUser("retry");
            String sk = api.paidKey(user, 60);
            Reply created = api.post(
                    "/v1/faceswap_openapi/create",
                    String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":24}", photo, video),
                    "X-ClipZap-Apikey",
                    sk);
            assertEquals(201, created.status(), created::toString);
            String id = created.data().getString("id");
            Await.until(
                    "the task under way",
                    Duration.ofSeconds(180),
                    () -> task(api, id),
                    t -> t.getJsonObject("task").getInt("progress") >= 5);

            // the test holds the task's row, so the next chunk's progress update waits on it; that chunk's connection
            // is then terminated while it waits (its statement_timeout is 4.5 s), and the row released
            long start = System.currentTimeMillis();
            long killed;
            try (Connection holder = database("chunk_retry")) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock =
                        holder.prepareStatement("select id from faceswap_task where id = ? for update")) {
                    lock.setString(1, id);
                    lock.executeQuery().close();
                }
                Await.until(
                        "a chunk's update waiting on the held row",
                        Duration.ofSeconds(60),
                        Duration.ofMillis(50),
                        ChunkRetryIT::chunksWaiting,
                        waiting -> waiting > 0);
                killed = terminateWaitingChunks();
                holder.rollback();
            }
            Await.until("a chunk retried in place", Duration.ofSeconds(60), () -> retries(server), n -> n > 0);
            long retries = retries(server);
            System.out.printf(
                    "ChunkRetryIT: %d chunk connection(s) killed while waiting %d ms; %d chunk(s) retried in place%n",
                    killed, System.currentTimeMillis() - start, retries);

            JsonObject done =
                    Await.until("the task to end", Duration.ofSeconds(300), () -> task(api, id), t -> ended(t));
            assertEquals("succeeded", done.getJsonObject("task").getString("status"), done::toString);
            assertEquals(1, done.getInt("attempts"), "retried in place, not resumed: " + done);
            assertEquals(1, executions(id), "one job execution");
            assertEquals(
                    FRAMES, done.getJsonObject("task").getJsonNumber("frames").longValue());
            assertEquals(FRAMES, done.getJsonNumber("framesProcessed").longValue(), "every frame counted once");
            Path result = ApiClientFiles.download(
                            api,
                            done.getJsonObject("task").getString("resultUrl"),
                            sk,
                            TestVideos.dir().resolve("result-chunk-retry.mp4"))
                    .body();
            assertEquals(FRAMES, VideoProbe.probe(result, VideoLimits.DEFAULT).frameCount(), "the video is whole");
            JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
            assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
            assertEquals(24, account.getJsonNumber("spentSeconds").longValue(), account::toString);
            assertEquals(36, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
        }
    }

    /** The admin view of the task; a 503 while the server's probe still counts a killed connection is asked again. */
    private static long retries(ServerProcess server) {
        try {
            return Files.readString(server.log())
                    .lines()
                    .filter(l -> l.contains(RETRIED))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

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

    private static Connection database(String name) throws java.sql.SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port") + "/" + name, "postgres", "postgres");
    }

    /** Chunks' progress updates of the server waiting on a row lock. */
    private static final String WAITING_CHUNKS = "from pg_stat_activity where datname = 'chunk_retry' "
            + "and wait_event_type = 'Lock' and query ilike '%framesdone%'";

    private static long chunksWaiting() {
        return count("select count(*) " + WAITING_CHUNKS);
    }

    /** Terminates the connections of the waiting chunks; returns how many. */
    private static long terminateWaitingChunks() {
        return count("select count(*) filter (where pg_terminate_backend(pid)) " + WAITING_CHUNKS);
    }

    private static long count(String sql) {
        try (Connection c = database("postgres");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int executions(String id) throws Exception {
        try (Connection c = database("chunk_retry");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select count(*) from job_execution where jobparameters like '%taskId = " + id + "%'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
