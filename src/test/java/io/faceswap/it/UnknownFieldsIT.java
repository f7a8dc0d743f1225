package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.it.UnknownFieldRows.Fixture;
import io.faceswap.it.UnknownFieldRows.Row;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 31 over every POST/PUT body of the API ({@link UnknownFieldRows}): on the default server an extra field is
 * 400 VALIDATION_FAILED naming it, and nothing was held, stored or audited (the user's account, tasks, keys and
 * rate limits, and the newest audit entry, are the same before and after). Query parameters stay lenient.
 * {@link UnknownFieldsIgnoredIT} sends the same requests with the switch on {@code ignore}.
 */
class UnknownFieldsIT extends DeployedWarIT {
    static final String UNREACHABLE = "http://127.0.0.1:1/a.jpg";

    @Test
    void everyBodyWithAnUnknownFieldIsRefusedByNameAndNothingIsHeldStoredOrAudited() {
        ApiClient api = ApiClient.of(base);
        Fixture f = UnknownFieldRows.fixture(api, "strict", UNREACHABLE);
        assertEquals(bodiesInTheContract(), rowsOperations(), "a row for every POST/PUT with a JSON body");
        for (Row row : UnknownFieldRows.ROWS) {
            String before = snapshot(api, f.user());
            Reply reply = row.sendWithUnknownField(f);
            assertEquals(400, reply.status(), () -> row.what() + ": " + reply);
            assertEquals(40001, reply.code(), () -> row.what() + ": " + reply);
            assertEquals(
                    UnknownFieldRows.FIELD + ": unknown field", reply.json().getString("message"));
            JsonArray errors = reply.data().getJsonArray("errors");
            assertEquals(1, errors.size(), reply::toString);
            assertEquals(UnknownFieldRows.FIELD, errors.getJsonObject(0).getString("field"), row.what());
            assertEquals("unknown field", errors.getJsonObject(0).getString("message"), row.what());
            assertTrue(reply.headers().getOrDefault("warning", List.of()).isEmpty(), row.what());
            assertEquals(before, snapshot(api, f.user()), row.what() + ": nothing held, stored or audited");
        }
        // the same bodies without the field are accepted (the rows are valid but for it): one, for the record
        Reply plain = UnknownFieldRows.ROWS.get(0).send(f, "");
        assertEquals(201, plain.status(), plain::toString);

        // query parameters stay lenient: clients and caches add their own
        assertEquals(
                200,
                api.get("/v1/faceswap_openapi/me?utm_source=x", "X-ClipZap-Apikey", f.sk())
                        .status());
        assertEquals(
                200,
                api.get(
                                "/v1/faceswap_openapi/listbyids?objectID=" + UnknownFieldRows.ABSENT_ID + "&_=1",
                                "X-ClipZap-Apikey",
                                f.sk())
                        .status());
    }

    /** Every operation of the committed contract (the served document: TypedClientIT) that takes a JSON body. */
    static java.util.SortedSet<String> bodiesInTheContract() {
        try {
            com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(java.nio.file.Path.of("src/main/openapi/openapi.yaml")
                            .toFile())
                    .get("paths");
            java.util.SortedSet<String> found = new java.util.TreeSet<>();
            paths.fields()
                    .forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
                        if (op.getValue()
                                .at("/requestBody/content/application~1json")
                                .isObject()) {
                            found.add(UnknownFieldRows.operation(op.getKey().toUpperCase(), p.getKey()));
                        }
                    }));
            return found;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.SortedSet<String> rowsOperations() {
        java.util.SortedSet<String> rows = new java.util.TreeSet<>();
        UnknownFieldRows.ROWS.forEach(r -> rows.add(UnknownFieldRows.operation(r.method(), r.path())));
        return rows;
    }

    /** What a refused request must not change: the account, its tasks, keys and limits, the newest audit entry. */
    private static String snapshot(ApiClient api, String user) {
        JsonObject account = api.adminGet("/v1/admin/users/" + user).data();
        int tasks = api.adminGet("/v1/admin/tasks?q=" + user + "&limit=200")
                .data()
                .getJsonArray("list")
                .size();
        List<String> keys = api
                .adminGet("/v1/openapi_account/list?userId=" + user)
                .data()
                .getJsonArray("list")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(k -> k.getString("id") + "=" + k.getString("status"))
                .toList();
        JsonObject limits =
                api.adminGet("/v1/admin/users/" + user + "/rate_limits").data();
        JsonArray audit = api.adminGet("/v1/admin/audit?limit=1").data().getJsonArray("list");
        return account + " tasks=" + tasks + " keys=" + keys + " limits=" + limits + " audit="
                + (audit.isEmpty() ? "" : audit.getJsonObject(0).getString("id"));
    }
}
