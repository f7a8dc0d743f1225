package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /openapi documents issue 12's endpoints, the new error code, and the callback in OpenAPI 3.1's webhooks. */
class WebhookDocsIT extends DeployedWarIT {

    @Test
    void theDocumentHasTheWebhookTheNewPathsAndTheRolledKeyCode() {
        ApiClient api = ApiClient.of(base);
        Reply doc = api.send(api.request("/openapi?format=JSON")
                .header("Accept", "application/json")
                .GET()
                .build());
        assertEquals(200, doc.status());
        JsonObject json = doc.json();
        assertTrue(json.getString("openapi").startsWith("3.1"), json.getString("openapi"));
        JsonObject post =
                json.getJsonObject("webhooks").getJsonObject("taskEnded").getJsonObject("post");
        assertEquals(
                "#/components/schemas/FaceSwapTask",
                post.getJsonObject("requestBody")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("schema")
                        .getString("$ref"));
        assertTrue(post.getJsonArray("parameters").stream()
                .anyMatch(p -> p.asJsonObject().getString("name").equals("ClipZap-Signature")));
        assertTrue(json.getJsonObject("components").getJsonObject("schemas").containsKey("FaceSwapTask"));
        JsonObject paths = json.getJsonObject("paths");
        for (String path : List.of(
                "/v1/faceswap_openapi/webhook_secret",
                "/v1/faceswap_openapi/webhooks",
                "/v1/faceswap_openapi/webhooks/replay",
                "/v1/faceswap_openapi/usage",
                "/v1/openapi_account/roll",
                "/v1/admin/audit",
                "/v1/admin/users/{userId}/rate_limits",
                "/v1/admin/users/{userId}/webhook_secret",
                "/v1/admin/users/{userId}/webhook_endpoint",
                "/v1/admin/webhooks",
                "/v1/admin/webhooks/replay")) {
            assertTrue(paths.containsKey(path), () -> path + " missing from " + paths.keySet());
        }
        assertTrue(json.getJsonObject("info").getString("description").contains("| 40116 | 401 | API_KEY_ROLLED |"));
    }
}
