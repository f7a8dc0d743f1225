package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Per-key rate limits, through an admin override (the test server's defaults are raised so that other tests are
 * not limited): a burst is refused exactly past the limit with 429 / 42901 and Retry-After, and the key is served
 * again once Retry-After has passed; creates draw from a bucket of their own; each key has its own buckets.
 */
class RateLimitIT extends DeployedWarIT {

    @Test
    void aBurstIsRefusedAtTheLimitAndServedAgainAfterRetryAfter() throws Exception {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("rate");
        String sk = api.paidKey(user, 60);
        limit(api, user, 5, 10_000, 2, 10_000);

        Reply first = fresh(api, sk);
        assertEquals("5", header(first, "RateLimit-Limit"));
        int remaining = Integer.parseInt(header(first, "RateLimit-Remaining"));
        assertEquals(4, remaining, first::toString);
        for (int i = remaining - 1; i >= 0; i--) {
            Reply r = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
            assertEquals(200, r.status(), r::toString);
            assertEquals(String.valueOf(i), header(r, "RateLimit-Remaining"));
        }
        Reply refused = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
        assertEquals(429, refused.status(), refused::toString);
        assertEquals(42901, refused.code());
        assertEquals("0", header(refused, "RateLimit-Remaining"));
        long retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);

        // another key of the same user has buckets of its own
        String second = api.newKey(user).data().getString("sk");
        assertEquals(
                200,
                api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", second).status());

        // refused calls take nothing from the bucket, so polling is safe: the key is served again once the refill
        // comes, no sooner than Retry-After (rounded up to seconds) promised, and not much later
        java.time.Instant refusedAt = java.time.Instant.now();
        Reply again = Await.until(
                "the key to be served again",
                java.time.Duration.ofSeconds(retryAfter + 3),
                () -> api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk),
                x -> x.status() == 200);
        long waited =
                java.time.Duration.between(refusedAt, java.time.Instant.now()).toMillis();
        assertTrue(waited >= (retryAfter - 1) * 1000, "served after " + waited + " ms; Retry-After said " + retryAfter);
        assertEquals("4", header(again, "RateLimit-Remaining"));
    }

    @Test
    void createsHaveABucketOfTheirOwn() throws Exception {
        ApiClient api = ApiClient.of(base);
        String user = ApiClient.uniqueUser("ratec");
        String sk = api.paidKey(user, 60);
        limit(api, user, 100, 10_000, 2, 10_000);
        fresh(api, sk); // a read: the create bucket is untouched (its cycles start with its first create)
        String body = "{\"imageUrl\":\"http://127.0.0.1:9/f.jpg\",\"videoUrl\":\"http://127.0.0.1:9/v.mp4\","
                + "\"duration\":1}";
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Reply created = api.createTask(body, sk);
            assertEquals(201, created.status(), created::toString);
            assertEquals("2", header(created, "RateLimit-Limit"));
            ids.add(created.data().getString("id"));
        }
        Reply refused = api.createTask(body, sk);
        assertEquals(429, refused.status(), refused::toString);
        assertEquals(42901, refused.code());
        assertTrue(header(refused, "Retry-After") != null);
        Reply read = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
        assertEquals(200, read.status(), "reads are still served");
        assertEquals("100", header(read, "RateLimit-Limit"));
        // no task of this test may still run when the next test class redeploys the application
        for (String id : ids) {
            api.post("/v1/faceswap_openapi/cancel", "{\"objectID\":\"" + id + "\"}", "X-ClipZap-Apikey", sk);
            Await.until(
                    "task " + id + " to end",
                    java.time.Duration.ofSeconds(120),
                    () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                            .data()
                            .getJsonArray("list")
                            .getJsonObject(0)
                            .getString("status"),
                    st -> !st.equals("queued") && !st.equals("processing"));
        }
    }

    private static void limit(ApiClient api, String user, int reads, long readMillis, int creates, long createMillis) {
        Reply r = api.send(api.request("/v1/admin/users/" + user + "/rate_limits")
                .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(String.format(
                        "{\"readLimit\":%d," + "\"readPeriodMillis\":%d,\"createLimit\":%d,\"createPeriodMillis\":%d}",
                        reads, readMillis, creates, createMillis)))
                .build());
        assertEquals(200, r.status(), r::toString);
        assertEquals(reads, r.data().getInt("readLimit"));
    }

    /**
     * One read at the start of a bucket cycle: if the current cycle ends within 3 s, wait for the next one, so a
     * burst that follows cannot straddle a refill.
     */
    private static Reply fresh(ApiClient api, String sk) throws InterruptedException {
        Reply r = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
        assertEquals(200, r.status(), r::toString);
        long reset = Long.parseLong(header(r, "RateLimit-Reset"));
        if (reset > 3) {
            return r;
        }
        // the condition is the clock itself: the next cycle begins at the reset the server announced
        java.time.Instant nextCycle = java.time.Instant.now().plusMillis(reset * 1000 + 200);
        Await.until(
                "the next bucket cycle",
                java.time.Duration.ofSeconds(reset + 2),
                java.time.Instant::now,
                now -> !now.isBefore(nextCycle));
        // the bucket is full again, less this call
        Reply next = api.get("/v1/faceswap_openapi/me", "X-ClipZap-Apikey", sk);
        assertEquals(200, next.status(), next::toString);
        return next;
    }

    private static String header(Reply r, String name) {
        return r.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
