package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of issue 27's calls on one server with the default settings: consent is optional (and still on
 * record when given), reports are validated, the admin calls need the admin token, and /openapi describes them.
 */
class ResponsibleUseContractIT extends DeployedWarIT {
    private static final String TASK = "0123456789abcdef01234567";

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.of(base);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"taskId\":\"" + TASK + "\"} | reason",
                "{\"taskId\":\"" + TASK + "\",\"reason\":\"  \"} | reason",
                "{\"taskId\":\"XYZ\",\"reason\":\"r\"} | taskId",
                "{\"resultUrl\":\"ftp://h/x\",\"reason\":\"r\"} | resultUrl",
                "{\"taskId\":\"" + TASK + "\",\"reason\":\"r\",\"contact\":\"a\\u0007b\"} | contact",
                "{\"reason\":\"names nothing\"} | namingAResult",
            })
    void aReportThatIsNotValidIsRefusedWithTheField(String body, String field) {
        Reply r = api.post("/v1/reports", body);
        assertEquals(400, r.status(), r::toString);
        assertEquals(40001, r.code(), r::toString);
        assertTrue(r.body().contains(field), () -> field + " named in " + r);
    }

    @Test
    void aReportOfMalformedJsonOrTooLongIsRefused() {
        Reply malformed = api.post("/v1/reports", "{\"taskId\":");
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals(40002, malformed.code(), malformed::toString);
        Reply longReason =
                api.post("/v1/reports", "{\"taskId\":\"" + TASK + "\",\"reason\":\"" + "x".repeat(2001) + "\"}");
        assertEquals(400, longReason.status(), longReason::toString);
        assertEquals(40001, longReason.code(), longReason::toString);
        Reply longest =
                api.post("/v1/reports", "{\"taskId\":\"" + TASK + "\",\"reason\":\"" + "x\\n".repeat(1000) + "\"}");
        assertEquals(202, longest.status(), "2000 characters with line breaks are a valid reason: " + longest);
    }

    @Test
    void consentIsOptionalByDefaultAndOnRecordWhenGiven() {
        String user = ApiClient.uniqueUser("consent-optional");
        String sk = api.paidKey(user, 60);
        String body = "{\"imageUrl\":\"http://127.0.0.1:9/face.jpg\",\"videoUrl\":\"http://127.0.0.1:9/v.mp4\","
                + "\"duration\":1";
        Reply without = api.createTask(body + "}", sk);
        assertEquals(201, without.status(), without::toString);
        JsonObject view = api.adminGet("/v1/admin/tasks/" + without.data().getString("id"))
                .data();
        assertTrue(!view.containsKey("consent") || view.isNull("consent"), view::toString);
        Reply with = api.createTask(body + ",\"consent\":{\"attested\":true}}", sk);
        assertEquals(201, with.status(), with::toString);
        JsonObject consent = api.adminGet("/v1/admin/tasks/" + with.data().getString("id"))
                .data()
                .getJsonObject("consent");
        assertTrue(consent.getBoolean("attested"), consent::toString);
        assertEquals(
                1,
                api.adminGet("/v1/admin/audit?userId=" + user + "&kind=consent.attested")
                        .data()
                        .getJsonArray("list")
                        .size());
        Reply controls = api.createTask(body + ",\"consent\":{\"attested\":true,\"statement\":\"a\\u0000b\"}}", sk);
        assertEquals(400, controls.status(), controls::toString);
        assertTrue(controls.body().contains("statement"), controls::toString);

        // both tasks fail at once (nothing listens on port 9): wait for their jobs, so that none is still ending
        // when this deployment is removed (a job's end racing the undeployment leaves its transaction open)
        for (String id :
                java.util.List.of(without.data().getString("id"), with.data().getString("id"))) {
            Await.until(
                    "task " + id + "'s job to end",
                    java.time.Duration.ofSeconds(60),
                    () -> api.adminGet("/v1/admin/tasks/" + id).data(),
                    t -> "FAILED".equals(t.getString("executionStatus", "")));
        }
    }

    @Test
    void theAdminCallsNeedTheAdminToken() {
        for (String path : List.of(
                "/v1/admin/takedowns",
                "/v1/admin/users/u/suspend",
                "/v1/admin/users/u/unsuspend",
                "/v1/admin/reports/" + TASK + "/dismiss")) {
            Reply r = api.post(path, "{\"taskId\":\"" + TASK + "\",\"reason\":\"r\"}");
            assertEquals(401, r.status(), () -> path + " " + r);
            assertEquals(40101, r.code(), path);
        }
        Reply list = api.get("/v1/admin/reports", "Authorization", "Bearer wrong");
        assertEquals(401, list.status(), list::toString);
        assertEquals(40102, list.code());
        Reply noReason = api.adminPost("/v1/admin/users/u/suspend", "{}");
        assertEquals(400, noReason.status(), noReason::toString);
        Reply dismissed = api.adminPost("/v1/admin/reports/" + TASK + "/dismiss", "{}");
        assertEquals(404, dismissed.status(), dismissed::toString);
    }

    @Test
    void theOpenApiDocumentDescribesTheNewCallsAndFields() {
        JsonObject doc = api.send(api.request("/openapi?format=JSON")
                        .header("Accept", "application/json")
                        .GET()
                        .build())
                .json();
        JsonObject paths = doc.getJsonObject("paths");
        JsonObject report = paths.getJsonObject("/v1/reports").getJsonObject("post");
        // [{}]: the empty requirement, which the document writes for a call public on purpose
        assertEquals("[{}]", report.getJsonArray("security").toString(), "reports need no credential: " + report);
        assertTrue(
                report.getJsonObject("responses").keySet().containsAll(List.of("202", "400", "429")), report::toString);
        for (String path : List.of(
                "/v1/admin/reports",
                "/v1/admin/reports/{id}/dismiss",
                "/v1/admin/takedowns",
                "/v1/admin/users/{userId}/suspend",
                "/v1/admin/users/{userId}/unsuspend")) {
            assertTrue(paths.containsKey(path), () -> path + " missing from " + paths.keySet());
            JsonObject operation =
                    paths.getJsonObject(path).values().iterator().next().asJsonObject();
            assertTrue(operation.getJsonObject("responses").containsKey("401"), () -> path + ": " + operation);
        }
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        assertTrue(
                schemas.getJsonObject("CreateFaceSwapTask")
                        .getJsonObject("properties")
                        .containsKey("consent"),
                "create documents consent");
        assertTrue(schemas.getJsonObject("Consent").getJsonObject("properties").containsKey("attested"));
        String description = doc.getJsonObject("info").getString("description");
        for (String row : List.of(
                "| 40005 | 400 | CONSENT_REQUIRED |",
                "| 40304 | 403 | USER_SUSPENDED |",
                "| 41003 | 410 | RESULT_TAKEN_DOWN |",
                "| USER_SUSPENDED |",
                "| TAKEN_DOWN |")) {
            assertTrue(description.contains(row), row);
        }
    }
}
