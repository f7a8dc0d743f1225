package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.faceswap.client.ApiClient;
import io.faceswap.client.ApiException;
import io.faceswap.client.ApiResponse;
import io.faceswap.client.api.AdminBillingApi;
import io.faceswap.client.api.AdminOpenApiKeysApi;
import io.faceswap.client.api.AdminRateLimitsApi;
import io.faceswap.client.api.FaceSwapApi;
import io.faceswap.client.api.WebhooksApi;
import io.faceswap.client.model.CancelRequest;
import io.faceswap.client.model.CreateFaceSwapTask;
import io.faceswap.client.model.CreatedApiKey;
import io.faceswap.client.model.DeleteApiKeyRequest;
import io.faceswap.client.model.ErrorEnvelope;
import io.faceswap.client.model.FaceSwapTask;
import io.faceswap.client.model.FaceSwapTaskEnvelope;
import io.faceswap.client.model.NewApiKeyRequest;
import io.faceswap.client.model.PaymentRequest;
import io.faceswap.client.model.PaymentViewEnvelope;
import io.faceswap.client.model.RateLimits;
import io.faceswap.client.model.RollApiKeyRequest;
import io.faceswap.client.model.RollWebhookSecretRequest;
import io.faceswap.client.model.WebhookDelivery;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The contract as a client team meets it: /openapi is exactly the committed src/main/openapi/openapi.yaml, to the
 * character, and the Java client generated from that file (openapi-generator, default validation) drives the whole
 * customer flow through its typed API, with every error read into the generated {@code ErrorEnvelope}.
 */
class TypedClientIT extends DeployedWarIT {
    private static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdefghijkl";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theServedDocumentIsTheCommittedContract() throws Exception {
        HttpResponse<String> served = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "openapi")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        Path contract = Path.of(System.getProperty("openapi.contract", "src/main/openapi/openapi.yaml"));
        String committed = Files.readString(contract);
        if (!committed.equals(served.body())) {
            // the text too: the document is the same on every start, so a client team can diff it
            Path copy = Path.of("target/openapi-served.yaml");
            Files.writeString(copy, served.body());
            boolean sameContent = YAML.readTree(committed).equals(YAML.readTree(served.body()));
            throw new AssertionError("/openapi differs from the committed " + contract
                    + (sameContent ? " in its order or layout only" : "") + ". If the change is meant, copy " + copy
                    + " over it (ContractCompatibilityTest then checks it breaks no client).");
        }
    }

    @Test
    void theWholeCustomerFlowThroughTheGeneratedClient() throws Exception {
        ApiClient admin = client(b -> b.header("Authorization", "Bearer " + ADMIN_TOKEN));
        String user = "typed_" + System.nanoTime();

        // 402 before any payment
        AdminOpenApiKeysApi keys = new AdminOpenApiKeysApi(admin);
        assertError(402, 40201, () -> keys.apiKeyResourceCreate(new NewApiKeyRequest().userId(user)));

        ApiResponse<PaymentViewEnvelope> paid = new AdminBillingApi(admin)
                .billingResourceRecordPaymentWithHttpInfo(
                        new PaymentRequest().userId(user).seconds(100L).reference("typed-" + user));
        assertEquals(201, paid.getStatusCode());
        assertEquals(100L, paid.getData().getData().getAccount().getBalanceSeconds());

        CreatedApiKey key = keys.apiKeyResourceCreate(
                        new NewApiKeyRequest().userId(user).name("typed"))
                .getData();
        ApiClient sk = client(b -> b.header("X-ClipZap-Apikey", key.getSk()));
        FaceSwapApi tasks = new FaceSwapApi(sk);
        WebhooksApi webhooks = new WebhooksApi(sk);

        // 401 with a key the server does not know
        ApiClient stranger = client(b -> b.header("X-ClipZap-Apikey", "sk-" + "0".repeat(40)));
        assertError(401, 40113, () -> new FaceSwapApi(stranger).meResourceMe());

        assertTrue(webhooks.webhookResourceRoll(new RollWebhookSecretRequest())
                .getData()
                .getSecret()
                .startsWith("whsec_"));

        try (MediaServer media = new MediaServer();
                WebhookReceiver receiver = new WebhookReceiver()) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "typed.mp4",
                    TestVideos.movingFace(
                            "typed", TestImages.ASTRONAUT, 160, 120, 10, 20, true, TestVideos.Format.MP4));
            CreateFaceSwapTask request = new CreateFaceSwapTask()
                    .imageUrl(photo.toString())
                    .videoUrl(video.toString())
                    .duration(2.0)
                    .callbackUrl(receiver.hook("typed").toString());
            ApiResponse<FaceSwapTaskEnvelope> created = tasks.taskResourceCreateWithHttpInfo(request, "idem-" + user);
            assertEquals(201, created.getStatusCode());
            assertTrue(created.getHeaders().containsKey("ratelimit-remaining"), created.getHeaders()::toString);
            String id = created.getData().getData().getId();
            ApiResponse<FaceSwapTaskEnvelope> again = tasks.taskResourceCreateWithHttpInfo(request, "idem-" + user);
            assertEquals(200, again.getStatusCode(), "a retry with the same Idempotency-Key");
            assertEquals(id, again.getData().getData().getId());
            assertError(409, 40905, () -> tasks.taskResourceCreate(request.title("other"), "idem-" + user));

            FaceSwapTask done = Await.until(
                    "the task to end",
                    Duration.ofSeconds(180),
                    () -> call(() ->
                            tasks.taskResourceListByIds(id).getData().getList().get(0)),
                    t -> !List.of("queued", "processing").contains(t.getStatus().getValue()));
            assertEquals(FaceSwapTask.StatusEnum.SUCCEEDED, done.getStatus(), done::toString);

            File whole = tasks.resultResourceDownload(id, null);
            byte[] bytes = Files.readAllBytes(whole.toPath());
            assertTrue(bytes.length > 1000, "an MP4 of " + bytes.length + " bytes");
            ApiResponse<File> part = tasks.resultResourceDownloadWithHttpInfo(id, "bytes=0-99");
            assertEquals(206, part.getStatusCode());
            assertEquals(
                    "bytes 0-99/" + bytes.length,
                    part.getHeaders().get("content-range").get(0));
            assertArrayEquals(
                    Arrays.copyOf(bytes, 100), Files.readAllBytes(part.getData().toPath()));
            assertError(416, 41601, () -> tasks.resultResourceDownload(id, "bytes=" + bytes.length + "-"));

            assertError(409, 40904, () -> tasks.taskResourceCancel(new CancelRequest().objectID(id)));
            assertError(
                    404,
                    40401,
                    () -> tasks.taskResourceCancel(new CancelRequest().objectID("0123456789abcdef01234567")));
            String second = tasks.taskResourceCreate(request.title(null).callbackUrl(null), null)
                    .getData()
                    .getId();
            assertEquals(
                    second,
                    tasks.taskResourceCancel(new CancelRequest().objectID(second))
                            .getData()
                            .getId());
            Await.until( // a running task stops at its next chunk
                    "the canceled task to end",
                    Duration.ofSeconds(60),
                    () -> call(() -> tasks.taskResourceListByIds(second)
                            .getData()
                            .getList()
                            .get(0)
                            .getStatus()),
                    FaceSwapTask.StatusEnum.CANCELED::equals);

            assertTrue(tasks.usageResourceUsage(null, null).getData().getChargedSeconds() > 0);

            WebhookDelivery delivery = Await.until(
                            "the callback to be delivered",
                            Duration.ofSeconds(60),
                            () -> call(() ->
                                    webhooks.webhookResourceList(id).getData().getList()),
                            l -> !l.isEmpty() && l.get(0).getStatus() == WebhookDelivery.StatusEnum.DELIVERED)
                    .get(0);
            assertEquals("evt_" + id, delivery.getEventId());
            assertEquals(200, delivery.getLog().get(0).getHttpStatus());
        }

        // keys: list, roll, delete
        assertEquals(1, keys.apiKeyResourceList(user).getData().getTotal());
        CreatedApiKey rolled = keys.apiKeyResourceRoll(
                        new RollApiKeyRequest().userId(user).id(key.getId()).graceSeconds(0L))
                .getData();
        assertEquals(
                io.faceswap.client.model.ApiKey.StatusEnum.REVOKED,
                keys.apiKeyResourceDelete(new DeleteApiKeyRequest().userId(user).id(rolled.getId()))
                        .getData()
                        .getStatus());
        assertError(
                404,
                40401,
                () -> keys.apiKeyResourceDelete(
                        new DeleteApiKeyRequest().userId(user).id("0123456789abcdef01234567")));

        // 429 with Retry-After once the user's read bucket is empty
        String limited = user + "_rl";
        new AdminBillingApi(admin)
                .billingResourceRecordPayment(
                        new PaymentRequest().userId(limited).seconds(10L).reference("rl-" + user));
        new AdminRateLimitsApi(admin)
                .rateLimitAdminResourcePut(
                        limited,
                        new RateLimits()
                                .readLimit(1)
                                .readPeriodMillis(60_000L)
                                .createLimit(1)
                                .createPeriodMillis(60_000L));
        String limitedSk = keys.apiKeyResourceCreate(new NewApiKeyRequest().userId(limited))
                .getData()
                .getSk();
        FaceSwapApi limitedTasks = new FaceSwapApi(client(b -> b.header("X-ClipZap-Apikey", limitedSk)));
        assertNotNull(limitedTasks.meResourceMe().getData());
        ApiException refused = assertError(429, 42901, limitedTasks::meResourceMe);
        assertTrue(refused.getResponseHeaders().firstValue("Retry-After").isPresent());
    }

    private ApiClient client(java.util.function.Consumer<HttpRequest.Builder> credential) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(credential);
        return client;
    }

    /** The call fails with the status, and its body is the generated ErrorEnvelope with the code. */
    private static ApiException assertError(int status, int code, Callable<?> call) throws Exception {
        ApiException e = assertThrows(ApiException.class, call::call);
        assertEquals(status, e.getCode(), e.getResponseBody());
        ErrorEnvelope envelope =
                new io.faceswap.client.JSON().getMapper().readValue(e.getResponseBody(), ErrorEnvelope.class);
        assertEquals(code, envelope.getCode(), e.getResponseBody());
        return e;
    }

    /** Await's probes cannot throw checked exceptions; the generated calls declare ApiException. */
    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
