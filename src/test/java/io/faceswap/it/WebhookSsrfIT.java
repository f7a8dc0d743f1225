package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * In the container, with {@code clipzap.media.allow-private-networks} off (a real deployment's default): a plain
 * http callback is refused at create, and an https callback to a loopback address is accepted as a URL but never
 * connected to: its attempt is logged as a refused address, and the listener there sees no connection.
 */
class WebhookSsrfIT extends InContainerIT {
    private static final String SWITCH = "clipzap.media.allow-private-networks";

    @Test
    void aCallbackToAPrivateAddressIsRefusedWithTheSwitchOff() throws Exception {
        String before = System.getProperty(SWITCH);
        System.setProperty(SWITCH, "false");
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> countConnections(listener, connections));
            accepting.setDaemon(true);
            accepting.start();
            ApiClient api = ApiClient.of(base);
            String sk = api.paidKey(ApiClient.uniqueUser("hookssrf"), 30);
            assertEquals(
                    200,
                    api.post("/v1/faceswap_openapi/webhook_secret", "{}", "X-ClipZap-Apikey", sk)
                            .status());
            int port = listener.getLocalPort();

            Reply plain = create(api, sk, "http://127.0.0.1:" + port + "/hook");
            assertEquals(400, plain.status(), plain::toString);
            assertTrue(plain.json().getString("message").contains("https"), plain::toString);

            Reply created = create(api, sk, "https://127.0.0.1:" + port + "/hook");
            assertEquals(201, created.status(), created::toString);
            String id = created.data().getString("id");
            JsonObject delivery = Await.until(
                            "the refused attempt",
                            Duration.ofSeconds(60),
                            () -> api.get("/v1/faceswap_openapi/webhooks?taskId=" + id, "X-ClipZap-Apikey", sk)
                                    .data()
                                    .getJsonArray("list"),
                            l -> !l.isEmpty()
                                    && !l.getJsonObject(0).getJsonArray("log").isEmpty())
                    .getJsonObject(0);
            JsonObject attempt = delivery.getJsonArray("log").getJsonObject(0);
            assertTrue(attempt.isNull("httpStatus"), attempt::toString);
            assertTrue(attempt.getString("error").startsWith("FORBIDDEN_ADDRESS"), attempt::toString);
            assertEquals("pending", delivery.getString("status"), "retried later, on the schedule");
            assertEquals(0, connections.get(), "nothing connected to the private address");
        } finally {
            if (before == null) {
                System.clearProperty(SWITCH);
            } else {
                System.setProperty(SWITCH, before);
            }
        }
    }

    private static Reply create(ApiClient api, String sk, String callback) {
        // the media URLs are refused too (switch off), so the task fails at once and fires its callback
        return api.createTask(
                "{\"imageUrl\":\"http://127.0.0.1:9/f.jpg\","
                        + "\"videoUrl\":\"http://127.0.0.1:9/v.mp4\",\"duration\":1,\"callbackUrl\":\"" + callback
                        + "\"}",
                sk);
    }

    private static void countConnections(ServerSocket listener, AtomicInteger connections) {
        try {
            listener.setSoTimeout(500);
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (SocketTimeoutException idle) {
                    // poll again until the test closes the listener
                }
            }
        } catch (java.io.IOException closed) {
            // the test is over
        }
    }
}
