package io.faceswap.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the tests: JSON in, {@link Reply} (status + parsed envelope) out. */
public final class ApiClient {
    public static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdefghijkl";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;

    public ApiClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public static ApiClient of(java.net.URL base) {
        try {
            return new ApiClient(base.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public int code() {
            return json().getInt("code");
        }

        public JsonObject data() {
            return json().getJsonObject("data");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String... headers) {
        return send(request(path).headers(withJson(headers)).GET().build());
    }

    public Reply post(String path, String json, String... headers) {
        return send(request(path)
                .headers(withJson(headers))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** {@code POST /v1/faceswap_openapi/create} with the key {@code sk}. */
    public Reply createTask(String json, String sk) {
        return post("/v1/faceswap_openapi/create", json, "X-ClipZap-Apikey", sk);
    }

    /** The key's task once it has ended (succeeded, failed, canceled), polled until {@code timeout}. */
    public JsonObject ended(String sk, String id, java.time.Duration timeout) {
        return Await.until(
                "task " + id + " to end",
                timeout,
                () -> get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                        .data()
                        .getJsonArray("list")
                        .getJsonObject(0),
                t -> !java.util.List.of("queued", "processing").contains(t.getString("status")));
    }

    public Reply adminGet(String path) {
        return get(path, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public Reply adminPost(String path, String json) {
        return post(path, json, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private static String[] withJson(String[] headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Content-Type";
        all[1] = "application/json";
        all[2] = "Accept";
        all[3] = "application/json";
        System.arraycopy(headers, 0, all, 4, headers.length);
        return all;
    }

    // ---- the domain steps most tests need ----

    public static String uniqueUser(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }

    public Reply pay(String userId, long seconds) {
        return adminPost(
                "/v1/admin/payments",
                String.format(
                        "{\"userId\":\"%s\",\"seconds\":%d,\"reference\":\"ref-%s-%d\"}",
                        userId, seconds, userId, System.nanoTime()));
    }

    public Reply newKey(String userId) {
        return adminPost("/v1/openapi_account/new", "{\"userId\":\"" + userId + "\",\"name\":\"test\"}");
    }

    /** A paid user with a fresh key: returns the key's secret. */
    public String paidKey(String userId, long seconds) {
        Reply paid = pay(userId, seconds);
        if (paid.status() != 201) {
            throw new IllegalStateException("payment failed: " + paid);
        }
        Reply key = newKey(userId);
        if (key.status() != 200) {
            throw new IllegalStateException("key creation failed: " + key);
        }
        return key.data().getString("sk");
    }
}
