package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP contract: validation, malformed bodies, the admin token on every management call, the envelope. */
class ContractIT extends DeployedWarIT {

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    @ParameterizedTest(name = "{0} {1} -> field {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/openapi_account/new | {\"name\":\"x\"} | userId",
                "/v1/openapi_account/new | {\"userId\":\"has space\"} | userId",
                "/v1/openapi_account/new | {\"userId\":\"u\",\"name\":\""
                        + "n123456789n123456789n123456789n123456789n123456789n123456789n123456789n123456789n123456789n123456789n\"} | name",
                "/v1/openapi_account/new | {\"userId\":\"u\",\"expiresInDays\":0} | expiresInDays",
                "/v1/openapi_account/new | {\"userId\":\"u\",\"expiresInDays\":3651} | expiresInDays",
                "/v1/openapi_account/delete | {\"userId\":\"u\"} | id",
                "/v1/openapi_account/delete | {\"userId\":\"u\",\"id\":\"xyz\"} | id",
                "/v1/openapi_account/delete | {\"id\":\"0123456789abcdef01234567\"} | userId",
                "/v1/admin/payments | {\"userId\":\"u\",\"reference\":\"r\"} | seconds",
                "/v1/admin/payments | {\"userId\":\"u\",\"seconds\":0,\"reference\":\"r\"} | seconds",
                "/v1/admin/payments | {\"userId\":\"u\",\"seconds\":5} | reference",
                "/v1/admin/payments | {\"userId\":\"u\",\"seconds\":5,\"reference\":\"a b\"} | reference",
                "/v1/admin/payments | {\"seconds\":5,\"reference\":\"r\"} | userId",
                "/v1/admin/payments | | request",
            })
    void eachInvalidFieldIsNamedInTheEnvelope(String path, String body, String field) {
        Reply reply = api.adminPost(path, body == null ? "" : body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(40001, reply.code());
        List<String> fields = reply.data()
                .getJsonArray("errors")
                .getValuesAs(v -> v.asJsonObject().getString("field"));
        assertTrue(fields.contains(field), fields::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"userId\":",
                "not json at all",
                "[1,2,3]",
                "{\"userId\":\"u\",\"expiresInDays\":\"ninety\"}",
                "{\"userId\":{\"nested\":true}}",
            })
    void malformedBodiesGetTheEnvelopeNotAStackTrace(String body) {
        Reply reply = api.adminPost("/v1/openapi_account/new", body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(40002, reply.code());
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertFalse(reply.body().contains("io.faceswap"), reply.body());
    }

    @Test
    void wrongContentTypeIs415AndOversizedBodyIs413() {
        Reply text = api.send(api.request("/v1/openapi_account/new")
                .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"u\"}"))
                .build());
        assertEquals(415, text.status(), text::toString);
        assertEquals(41501, text.code());

        String huge = "{\"userId\":\"" + "a".repeat(70_000) + "\"}";
        Reply declared = api.adminPost("/v1/openapi_account/new", huge);
        assertEquals(413, declared.status(), declared::toString);
        assertEquals(41301, declared.code());
        // without a Content-Length (streamed): the cap applies while reading
        Reply streamed = api.send(api.request("/v1/openapi_account/new")
                .header("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build());
        assertEquals(413, streamed.status(), streamed::toString);
        assertEquals(41301, streamed.code());
    }

    @Test
    void theAdminTokenIsRequiredOnEveryManagementCall() {
        Map<String, String> posts = Map.of(
                "/v1/openapi_account/new", "{\"userId\":\"u\"}",
                "/v1/openapi_account/delete", "{\"userId\":\"u\",\"id\":\"0123456789abcdef01234567\"}",
                "/v1/admin/payments", "{\"userId\":\"u\",\"seconds\":5,\"reference\":\"r\"}");
        List<String> gets = List.of("/v1/openapi_account/list?userId=u", "/v1/admin/users/u");
        for (var post : posts.entrySet()) {
            assertAdminRefusal(api.post(post.getKey(), post.getValue()), 40101, post.getKey());
            assertAdminRefusal(
                    api.post(post.getKey(), post.getValue(), "Authorization", "Bearer wrong"), 40102, post.getKey());
            assertAdminRefusal(
                    api.post(post.getKey(), post.getValue(), "Authorization", "Basic " + ApiClient.ADMIN_TOKEN),
                    40102,
                    post.getKey());
        }
        for (String get : gets) {
            assertAdminRefusal(api.get(get), 40101, get);
            assertAdminRefusal(api.get(get, "Authorization", "Bearer " + ApiClient.ADMIN_TOKEN + "x"), 40102, get);
        }
    }

    private static void assertAdminRefusal(Reply reply, int code, String path) {
        assertEquals(401, reply.status(), () -> path + " " + reply);
        assertEquals(code, reply.code(), path);
    }

    @Test
    void unknownPathsAndMethodsGetTheEnvelope() {
        Reply missing = api.get("/v1/nothing/here");
        assertEquals(404, missing.status());
        assertEquals(40401, missing.code());
        Reply method = api.send(api.request("/health").DELETE().build());
        assertEquals(405, method.status());
        assertEquals(40501, method.code());
    }

    @Test
    void healthIsUpWithoutCredentials() {
        Reply health = api.get("/health");
        assertEquals(200, health.status());
        assertEquals(0, health.code());
        assertEquals("UP", health.data().getString("database"));
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointBothSchemesAndTheErrorTable() {
        Reply doc = api.send(api.request("/openapi?format=JSON")
                .header("Accept", "application/json")
                .GET()
                .build());
        assertEquals(200, doc.status());
        var paths = doc.json().getJsonObject("paths");
        for (String path : List.of(
                "/v1/openapi_account/new",
                "/v1/openapi_account/list",
                "/v1/openapi_account/delete",
                "/v1/admin/payments",
                "/v1/admin/users/{userId}",
                "/v1/faceswap_openapi/me",
                "/v1/faceswap_openapi/create",
                "/v1/faceswap_openapi/listbyids",
                "/v1/faceswap-opanpai/listbyids",
                "/v1/faceswap_openapi/cancel",
                "/v1/faceswap_openapi/result/{id}",
                "/v1/admin/tasks/{id}",
                "/v1/admin/executions",
                "/v1/admin/executions/{id}",
                "/v1/admin/executions/{id}/stop",
                "/v1/admin/executions/{id}/restart",
                "/v1/admin/executions/{id}/abandon",
                "/v1/admin/queue",
                "/v1/admin/purge",
                "/health")) {
            assertTrue(paths.containsKey(path), () -> path + " missing from " + paths.keySet());
        }
        var schemes = doc.json().getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("X-ClipZap-Apikey", schemes.getJsonObject("ApiKey").getString("name"));
        assertEquals("bearer", schemes.getJsonObject("AdminBearer").getString("scheme"));
        String description = doc.json().getJsonObject("info").getString("description");
        assertTrue(description.contains("| 40113 | 401 | API_KEY_UNKNOWN |"), description);
        assertFalse(paths.containsKey("/docs"), "the docs page is not part of the API");

        Reply ui = api.send(api.request("/docs").GET().build());
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("/openapi"));
        assertEquals(
                200,
                api.send(api.request("/docs/swagger-ui/swagger-ui-bundle.js")
                                .GET()
                                .build())
                        .status());
    }
}
