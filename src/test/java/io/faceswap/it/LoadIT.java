package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 100 small tasks created at once by five keys: every one ends, none is lost or run twice, never more than the
 * running limit (2) at a time, and every user's books close exactly.
 */
class LoadIT extends DeployedWarIT {
    private static final int USERS = 5;
    private static final int TASKS_PER_USER = 20;
    private static final int RUNNING_LIMIT = 2;

    @Test
    void aHundredConcurrentTasksAllEndOnceWithinTheLimitAndTheBooksClose() throws Exception {
        ApiClient api = ApiClient.of(base);
        try (MediaServer media = new MediaServer()) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "small.mp4",
                    TestVideos.movingFace("load", TestImages.ASTRONAUT, 160, 120, 10, 10, true, TestVideos.Format.MP4));
            List<String> users = new ArrayList<>();
            Map<String, String> keys = new HashMap<>();
            for (int u = 0; u < USERS; u++) {
                String user = ApiClient.uniqueUser("load" + u);
                users.add(user);
                keys.put(user, api.paidKey(user, 100));
            }
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<String[]>> creates = new ArrayList<>();
            for (int i = 0; i < USERS * TASKS_PER_USER; i++) {
                String user = users.get(i % USERS);
                creates.add(pool.submit(() -> {
                    Reply r = api.createTask(
                            String.format("{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":1.5}", photo, video),
                            keys.get(user));
                    assertEquals(201, r.status(), r::toString);
                    return new String[] {user, r.data().getString("id")};
                }));
            }
            List<String[]> tasks = new ArrayList<>();
            for (Future<String[]> f : creates) {
                tasks.add(f.get());
            }
            pool.shutdown();
            assertEquals(100, tasks.stream().map(t -> t[1]).distinct().count());

            List<JsonObject> ended = new ArrayList<>();
            for (String[] t : tasks) {
                ended.add(Await.until(
                        "task " + t[1],
                        Duration.ofSeconds(600),
                        () -> api.adminGet("/v1/admin/tasks/" + t[1]).data(),
                        a -> !List.of("queued", "processing")
                                .contains(a.getJsonObject("task").getString("status"))));
            }
            List<Instant[]> intervals = new ArrayList<>();
            for (JsonObject a : ended) {
                JsonObject task = a.getJsonObject("task");
                assertEquals("succeeded", task.getString("status"), a::toString);
                assertEquals(
                        task.getJsonNumber("frames").longValue(),
                        a.getJsonNumber("framesProcessed").longValue(),
                        "every frame swapped exactly once: " + a);
                intervals.add(new Instant[] {
                    Instant.parse(task.getString("startedAt")), Instant.parse(task.getString("finishedAt"))
                });
            }
            assertTrue(maxOverlap(intervals) <= RUNNING_LIMIT, "at most " + RUNNING_LIMIT + " ran at once");
            for (String user : users) {
                JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
                assertEquals(0, account.getJsonNumber("heldSeconds").longValue());
                assertEquals(20, account.getJsonNumber("spentSeconds").longValue(), "20 tasks of 1 s");
                assertEquals(80, account.getJsonNumber("balanceSeconds").longValue());
            }
        }
    }

    static int maxOverlap(List<Instant[]> intervals) {
        int max = 0;
        for (Instant[] a : intervals) {
            int overlapping = 0;
            for (Instant[] b : intervals) {
                if (!b[0].isAfter(a[0]) && b[1].isAfter(a[0])) {
                    overlapping++;
                }
            }
            max = Math.max(max, overlapping);
        }
        return max;
    }
}
