package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.it.UnknownFieldRows.Fixture;
import io.faceswap.it.UnknownFieldRows.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 31, relaxed: on a server of its own with {@code clipzap.api.unknown-fields=ignore}, every POST/PUT body of
 * {@link UnknownFieldRows} with an extra field is served as without it, and the response names the field in a
 * Warning header; two fields are both named; a body without one gets no header; a malformed body is still refused;
 * the server log notes the fields at INFO. (A server of its own: the Arquillian one keeps the default, refuse.)
 */
class UnknownFieldsIgnoredIT {

    @Test
    void withTheSwitchOnIgnoreTheSameRequestsAreServedAndNameTheField() throws Exception {
        try (ServerProcess server = ServerProcess.prepare(
                "unknown-fields-ignore",
                2700,
                "-Dclipzap.api.unknown-fields=ignore",
                "-Dclipzap.media.allow-private-networks=true")) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            Fixture f = UnknownFieldRows.fixture(api, "lenient", UnknownFieldsIT.UNREACHABLE);
            for (Row row : UnknownFieldRows.ROWS) {
                Reply reply = row.sendWithUnknownField(f);
                assertEquals(row.ignoredStatus(), reply.status(), () -> row.what() + ": " + reply);
                assertEquals(
                        List.of("299 - \"unknown fields ignored: " + UnknownFieldRows.FIELD + "\""),
                        reply.headers().get("warning"),
                        row.what());
            }
            Row create = UnknownFieldRows.ROWS.stream()
                    .filter(r -> r.what().equals("create"))
                    .findFirst()
                    .orElseThrow();
            Reply two = create.send(f, ",\"start_seconds\":3,\"face_mappings\":[{\"from\":0}]");
            assertEquals(201, two.status(), two::toString);
            assertEquals(
                    List.of("299 - \"unknown fields ignored: start_seconds, face_mappings\""),
                    two.headers().get("warning"));
            Reply clean = create.send(f, "");
            assertEquals(201, clean.status(), clean::toString);
            assertEquals(null, clean.headers().get("warning"), "no header when nothing was ignored");
            Reply malformed = create.send(f, ",\"start_seconds\":");
            assertEquals(400, malformed.status(), malformed::toString);
            assertEquals(40002, malformed.code(), "still malformed JSON, not an ignored field");

            Path log = server.dataDir().resolveSibling("log").resolve("server.log");
            String line = Await.until(
                    "the INFO line",
                    Duration.ofSeconds(10),
                    () -> readLines(log).stream()
                            .filter(l -> l.contains("Ignored unknown request field(s) start_seconds, face_mappings"))
                            .findFirst()
                            .orElse(""),
                    l -> !l.isEmpty());
            assertTrue(line.matches("^\\S+ \\S+ INFO .*on POST /v1/faceswap_openapi/create$"), line);
        }
    }

    private static List<String> readLines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
