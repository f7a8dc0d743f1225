package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' API: executions (paged), their steps, stop/restart/abandon, queue figures, purge. */
class AdminIT extends DeployedWarIT {
    static MediaServer media;
    static Path clip;

    ApiClient api;

    @BeforeAll
    static void media() throws Exception {
        media = new MediaServer();
        clip = TestVideos.movingFace("admin", TestImages.ASTRONAUT, 320, 240, 25, 40, true, TestVideos.Format.MP4);
        media.serve("clip.mp4", clip);
        media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    private String create(String sk, URI video) {
        Reply r = api.createTask(
                String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":2}", media.url("face.jpg"), video),
                sk);
        assertEquals(201, r.status(), r::toString);
        return r.data().getString("id");
    }

    private JsonObject adminTask(String id) {
        return api.adminGet("/v1/admin/tasks/" + id).data();
    }

    private JsonObject awaitTask(String id, String... statuses) {
        return Await.until(
                "task " + id + " in " + List.of(statuses),
                Duration.ofSeconds(120),
                () -> adminTask(id),
                t -> List.of(statuses).contains(t.getJsonObject("task").getString("status")));
    }

    private JsonObject execution(long id) {
        return api.adminGet("/v1/admin/executions/" + id).data();
    }

    private JsonObject awaitExecutionEnded(long id) {
        return Await.until(
                "execution " + id + " to end",
                Duration.ofSeconds(60),
                () -> execution(id).getJsonObject("execution"),
                e -> List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(e.getString("batchStatus")));
    }

    @Test
    void everyAdminCallNeedsTheToken() {
        for (String get : List.of(
                "/v1/admin/executions",
                "/v1/admin/executions/1",
                "/v1/admin/queue",
                "/v1/admin/tasks/0123456789abcdef01234567")) {
            assertEquals(40101, api.get(get).code(), get);
            assertEquals(401, api.get(get, "Authorization", "Bearer nope").status(), get);
        }
        for (String post : List.of(
                "/v1/admin/executions/1/stop",
                "/v1/admin/executions/1/restart",
                "/v1/admin/executions/1/abandon",
                "/v1/admin/purge")) {
            assertEquals(401, api.post(post, "{}").status(), post);
        }
        assertEquals(400, api.adminGet("/v1/admin/executions?status=SLEEPING").status());
        assertEquals(400, api.adminGet("/v1/admin/executions?from=yesterday").status());
        assertEquals(400, api.adminGet("/v1/admin/executions?limit=0").status());
        assertEquals(404, api.adminGet("/v1/admin/executions/999999999").status());
    }

    @Test
    void executionsArePagedNewestFirstAndLinkedToTasksWithStepMetrics() {
        String user = ApiClient.uniqueUser("pages");
        String sk = api.paidKey(user, 100);
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(create(sk, media.url("clip.mp4")));
        }
        for (String id : mine) {
            // the last step commits the task's success before JBeret ends the step and the execution
            long execution =
                    awaitTask(id, "succeeded").getJsonNumber("jobExecutionId").longValue();
            assertEquals("COMPLETED", awaitExecutionEnded(execution).getString("batchStatus"));
        }
        List<Long> ids = new ArrayList<>();
        Set<String> seenTasks = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonObject page = api.adminGet("/v1/admin/executions?jobName=faceswap&limit=2" + cursor)
                    .data();
            for (JsonValue v : page.getJsonArray("list")) {
                JsonObject e = v.asJsonObject();
                ids.add(e.getJsonNumber("executionId").longValue());
                if (mine.contains(e.getString("taskId"))) {
                    assertEquals(user, e.getString("userId"));
                    assertEquals("COMPLETED", e.getString("batchStatus"));
                    assertEquals("succeeded", e.getString("taskStatus"));
                    seenTasks.add(e.getString("taskId"));
                }
            }
            cursor = !page.containsKey("nextCursor") || page.isNull("nextCursor")
                    ? null
                    : "&cursor=" + page.getJsonNumber("nextCursor").longValue();
            pages++;
        } while (cursor != null && pages < 500);
        assertTrue(pages >= 3, "more executions than one page");
        assertEquals(mine, seenTasks, "every task's execution was listed once the pages were walked");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no execution twice");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) < ids.get(i - 1), "newest first");
        }
        assertTrue(api.adminGet("/v1/admin/executions?status=COMPLETED&limit=500").data().getJsonArray("list").stream()
                .allMatch(v -> v.asJsonObject().getString("batchStatus").equals("COMPLETED")));

        long execution = adminTask(mine.iterator().next())
                .getJsonNumber("jobExecutionId")
                .longValue();
        JsonObject detail = execution(execution);
        List<String> steps =
                detail.getJsonArray("steps").getValuesAs(v -> v.asJsonObject().getString("stepName"));
        assertEquals(List.of("fetch", "swap", "assemble", "finish"), steps);
        JsonObject swap = detail.getJsonArray("steps").getJsonObject(1);
        assertEquals(
                40, swap.getJsonObject("metrics").getJsonNumber("WRITE_COUNT").longValue());
        assertTrue(
                swap.containsKey("framesPerSecond")
                        && swap.getJsonNumber("framesPerSecond").doubleValue() > 0,
                swap::toString);
        // JBeret stamps a partitioned step's start at its end: the view must not show a swap of no length
        Instant start = Instant.parse(swap.getString("startTime"));
        Instant end = Instant.parse(swap.getString("endTime"));
        assertTrue(start.isBefore(end), swap::toString);
        double shown = 40 / (Duration.between(start, end).toNanos() / 1e9);
        assertEquals(
                shown,
                swap.getJsonNumber("framesPerSecond").doubleValue(),
                shown / 100,
                () -> "the rate is the frames over the interval shown: " + swap);
        // the steps run one after another, and the swap is nearly all of the time between its neighbours (whose
        // times are JBeret's own): a swap restamped to last a millisecond or so fails here
        Duration gap = Duration.between(
                Instant.parse(detail.getJsonArray("steps").getJsonObject(0).getString("endTime")),
                Instant.parse(detail.getJsonArray("steps").getJsonObject(2).getString("startTime")));
        assertTrue(Duration.between(start, end).multipliedBy(2).compareTo(gap) > 0, () -> gap + " " + detail);
        assertTrue(swap.getJsonArray("partitions").size() >= 1);
    }

    @Test
    void stopPausesTheTaskRestartResumesItAndAbandonFailsItAndReleasesItsSeconds() {
        String user = ApiClient.uniqueUser("steer");
        String sk = api.paidKey(user, 100);
        String resumed = create(sk, media.serveHeld("steer-1.mp4", clip));
        String dropped = create(sk, media.serveHeld("steer-2.mp4", clip));
        for (String id : List.of(resumed, dropped)) {
            JsonObject running = awaitTask(id, "processing");
            long execution = Await.until(
                            "execution of " + id,
                            Duration.ofSeconds(60),
                            () -> adminTask(id),
                            t -> t.containsKey("jobExecutionId") && !t.isNull("jobExecutionId"))
                    .getJsonNumber("jobExecutionId")
                    .longValue();
            assertNotNull(running);
            Reply stop = api.adminPost("/v1/admin/executions/" + execution + "/stop", "");
            assertEquals(200, stop.status(), stop::toString);
        }
        media.release("steer-1.mp4");
        media.release("steer-2.mp4");
        for (String id : List.of(resumed, dropped)) {
            long execution = adminTask(id).getJsonNumber("jobExecutionId").longValue();
            Await.until(
                    "execution " + execution + " to stop",
                    Duration.ofSeconds(60),
                    () -> execution(execution),
                    e -> e.getJsonObject("execution").getString("batchStatus").equals("STOPPED"));
            assertEquals("processing", adminTask(id).getJsonObject("task").getString("status"), "paused");
        }

        long first = adminTask(resumed).getJsonNumber("jobExecutionId").longValue();
        Reply restart = api.adminPost("/v1/admin/executions/" + first + "/restart", "");
        assertEquals(200, restart.status(), restart::toString);
        assertTrue(restart.data().getJsonNumber("executionId").longValue() > first);
        assertEquals(
                "succeeded",
                awaitTask(resumed, "succeeded", "failed").getJsonObject("task").getString("status"));

        long second = adminTask(dropped).getJsonNumber("jobExecutionId").longValue();
        Reply abandon = api.adminPost("/v1/admin/executions/" + second + "/abandon", "");
        assertEquals(200, abandon.status(), abandon::toString);
        assertEquals("ABANDONED", abandon.data().getString("batchStatus"));
        JsonObject failed = adminTask(dropped).getJsonObject("task");
        assertEquals("failed", failed.getString("status"));
        assertEquals("ABANDONED", failed.getString("errorCode"));
        assertEquals(
                409,
                api.adminPost("/v1/admin/executions/" + second + "/restart", "").status(),
                "an ended task's execution is not restarted");

        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
        assertEquals(2, account.getJsonNumber("spentSeconds").longValue());
    }

    @Test
    void queueFiguresAndPurge() {
        String sk = api.paidKey(ApiClient.uniqueUser("purge"), 100);
        String id = create(sk, media.url("clip.mp4"));
        awaitTask(id, "succeeded");
        JsonObject queue = api.adminGet("/v1/admin/queue").data();
        assertTrue(queue.getJsonNumber("succeeded").longValue() >= 1);
        assertTrue(queue.getJsonNumber("succeededLastHour").longValue() >= 1);
        assertTrue(queue.getJsonNumber("framesLastHour").longValue() >= 40);

        assertEquals(
                400, api.adminPost("/v1/admin/purge", "{\"olderThanHours\":-1}").status());
        Reply purge = api.adminPost("/v1/admin/purge", "{\"olderThanHours\":0}");
        assertEquals(200, purge.status(), purge::toString);
        assertTrue(purge.data().getInt("executions") >= 1);
        assertTrue(purge.data().getInt("taskFiles") >= 1);
        Reply gone = api.get("/v1/faceswap_openapi/result/" + id, "X-ClipZap-Apikey", sk);
        assertEquals(410, gone.status(), gone::toString);
        assertTrue(api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                .data()
                .getJsonArray("list")
                .getJsonObject(0)
                .getBoolean("expired"));
    }
}
