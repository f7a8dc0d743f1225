package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In the container, with {@code clipzap.media.allow-private-networks} switched off (the default of a real
 * deployment): URLs on loopback and private addresses are refused before any connection is made.
 */
class SsrfIT extends InContainerIT {
    private static final String SWITCH = "clipzap.media.allow-private-networks";

    @Test
    void loopbackAndPrivateAddressesAreRefusedWhenTheSwitchIsOff() {
        String before = System.getProperty(SWITCH);
        System.setProperty(SWITCH, "false");
        try {
            ApiClient api = ApiClient.of(base);
            String user = ApiClient.uniqueUser("ssrf");
            String sk = api.paidKey(user, 30);
            // nothing listens on port 9: a refusal by address, not by connection, proves the check came first
            for (String url : List.of(
                    "http://127.0.0.1:9/face.jpg",
                    "http://localhost:9/face.jpg",
                    "http://[::1]:9/face.jpg",
                    "http://10.255.255.1:9/face.jpg",
                    "http://169.254.169.254/x.jpg")) {
                Reply created = api.createTask(
                        "{\"imageUrl\":\"" + url + "\",\"videoUrl\":\"http://127.0.0.1:9/v.mp4\",\"duration\":2}", sk);
                assertEquals(201, created.status(), created::toString);
                String id = created.data().getString("id");
                JsonObject done = Await.until(
                        "refusal of " + url,
                        Duration.ofSeconds(60),
                        () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                                .data()
                                .getJsonArray("list")
                                .getJsonObject(0),
                        t -> !List.of("queued", "processing").contains(t.getString("status")));
                assertEquals("failed", done.getString("status"));
                assertEquals("URL_FORBIDDEN", done.getString("errorCode"), () -> url + ": " + done);
            }
        } finally {
            if (before == null) {
                System.clearProperty(SWITCH);
            } else {
                System.setProperty(SWITCH, before);
            }
        }
    }
}
