package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of short tasks; each gets a client cancel at a random moment of its life (queued, fetching, mid-swap,
 * assembling, just finished), and some also get an admin stop followed by a restart or an abandon, racing the
 * cancels. In the end every task has ended, nothing is held, and every user's books are exact: balance = payments
 * - seconds charged for succeeded tasks, and only succeeded tasks are charged.
 */
class RaceIT extends DeployedWarIT {
    private static final int USERS = 8;
    private static final int TASKS = 200;
    private static final long PAID = 1000;

    @Test
    void cancelsAndAdminStepsRacingTheTasksEndLeaveExactBooks() throws Exception {
        ApiClient api = ApiClient.of(base);
        Random random = new Random(42);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        try (MediaServer media = new MediaServer()) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "race.mp4",
                    TestVideos.movingFace("race", TestImages.ASTRONAUT, 160, 120, 10, 15, true, TestVideos.Format.MP4));
            List<String> users = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                users.add(ApiClient.uniqueUser("race" + u));
                keys.add(api.paidKey(users.get(u), PAID));
            }
            ScheduledExecutorService chaos = Executors.newScheduledThreadPool(8);
            List<String[]> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                int u = i % USERS;
                // a short queue, so that a cancel a few seconds after creation lands anywhere in the task's life
                Await.until(
                        "a short queue",
                        Duration.ofSeconds(120),
                        () -> api.adminGet("/v1/admin/queue")
                                .data()
                                .getJsonNumber("queued")
                                .longValue(),
                        q -> q < 3);
                Reply created = api.createTask(
                        String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":1.5}", photo, video),
                        keys.get(u));
                assertEquals(201, created.status(), created::toString);
                String id = created.data().getString("id");
                tasks.add(new String[] {id, keys.get(u), users.get(u)});
                // queued, fetching, mid-swap, assembling or just finished: a task of 15 small frames lives ~1-3 s
                long cancelAt = random.nextInt(3500);
                chaos.schedule(
                        () -> count(
                                outcomes,
                                "cancel "
                                        + api.post(
                                                        "/v1/faceswap_openapi/cancel",
                                                        "{\"objectID\":\"" + id + "\"}",
                                                        "X-ClipZap-Apikey",
                                                        keys.get(u))
                                                .status()),
                        cancelAt,
                        TimeUnit.MILLISECONDS);
                if (i % 7 == 3) {
                    boolean abandon = random.nextBoolean();
                    chaos.schedule(
                            () -> adminStep(api, id, abandon, outcomes),
                            cancelAt + random.nextInt(400) - 200L,
                            TimeUnit.MILLISECONDS);
                }
            }
            chaos.shutdown();
            assertTrue(chaos.awaitTermination(10, TimeUnit.MINUTES));

            Map<String, Long> charged = new ConcurrentHashMap<>();
            for (String[] t : tasks) {
                JsonObject a = Await.until(
                        "task " + t[0] + " to end",
                        Duration.ofSeconds(600),
                        () -> endPaused(api, t),
                        x -> !List.of("queued", "processing")
                                .contains(x.getJsonObject("task").getString("status")));
                JsonObject task = a.getJsonObject("task");
                long seconds = task.getJsonNumber("chargedSeconds").longValue();
                count(outcomes, task.getString("status"));
                if (task.getString("status").equals("succeeded")) {
                    assertEquals(2, seconds, a::toString);
                } else {
                    assertEquals(0, seconds, a::toString);
                }
                charged.merge(t[2], seconds, Long::sum);
            }
            System.out.println("RaceIT outcomes: " + outcomes);
            for (String user : users) {
                JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
                assertEquals(0, account.getJsonNumber("heldSeconds").longValue(), account::toString);
                long spent = charged.getOrDefault(user, 0L);
                assertEquals(spent, account.getJsonNumber("spentSeconds").longValue(), account::toString);
                assertEquals(
                        PAID - spent, account.getJsonNumber("balanceSeconds").longValue(), account::toString);
            }
        }
    }

    /** Admin stop, then restart or abandon: may race the cancel and the task's own end; any refusal is fine. */
    private static void adminStep(ApiClient api, String id, boolean abandon, Map<String, AtomicInteger> outcomes) {
        JsonObject a = api.adminGet("/v1/admin/tasks/" + id).data();
        if (!a.containsKey("jobExecutionId") || a.isNull("jobExecutionId")) {
            count(outcomes, "admin: not started");
            return;
        }
        long execution = a.getJsonNumber("jobExecutionId").longValue();
        count(
                outcomes,
                "stop "
                        + api.adminPost("/v1/admin/executions/" + execution + "/stop", "")
                                .status());
        JsonObject stopped = Await.until(
                "execution " + execution + " to settle",
                Duration.ofSeconds(60),
                () -> api.adminGet("/v1/admin/tasks/" + id).data(),
                x -> !"STOPPING".equals(x.getString("executionStatus", ""))
                        && !"STARTED".equals(x.getString("executionStatus", "")));
        String action = abandon ? "abandon" : "restart";
        count(
                outcomes,
                action + " "
                        + api.adminPost("/v1/admin/executions/" + execution + "/" + action, "")
                                .status() + " (" + stopped.getJsonObject("task").getString("status") + ")");
    }

    /** Reads the task; one the admin left paused (stop whose restart was refused) is canceled by its owner. */
    private static JsonObject endPaused(ApiClient api, String[] t) {
        JsonObject a = api.adminGet("/v1/admin/tasks/" + t[0]).data();
        if (a.getBoolean("paused")
                && a.getJsonObject("task").getString("status").equals("processing")) {
            api.post("/v1/faceswap_openapi/cancel", "{\"objectID\":\"" + t[0] + "\"}", "X-ClipZap-Apikey", t[1]);
        }
        return a;
    }

    private static void count(Map<String, AtomicInteger> outcomes, String what) {
        outcomes.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }
}
