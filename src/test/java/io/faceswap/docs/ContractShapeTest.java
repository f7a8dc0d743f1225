package io.faceswap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules of the committed contract that the linters do not know: every error response of every operation carries
 * the error envelope (a generated client then types each failure), and every JSON success of an operation that
 * answers with the envelope is described as one.
 */
class ContractShapeTest {
    private static final JsonNode CONTRACT = read();

    @Test
    void everyErrorResponseCarriesTheEnvelope() {
        List<String> bare = new ArrayList<>();
        operations((where, operation) -> operation.get("responses").fields().forEachRemaining(r -> {
            JsonNode response = r.getValue();
            boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
            String schema =
                    response.at("/content/application~1json/schema/$ref").asText();
            boolean healthReport = where.equals("GET /health") && r.getKey().equals("503"); // DOWN, with its checks
            if (error && !healthReport && !response.has("$ref") && !schema.endsWith("/ErrorEnvelope")) {
                bare.add(where + " " + r.getKey());
            }
        }));
        assertEquals(List.of(), bare, "error responses without the ErrorEnvelope");
    }

    @Test
    void everyJsonSuccessIsAnEnvelope() {
        List<String> raw = new ArrayList<>();
        operations((where, operation) -> operation.get("responses").fields().forEachRemaining(r -> {
            String schema =
                    r.getValue().at("/content/application~1json/schema/$ref").asText();
            if (r.getKey().startsWith("2")
                    && !schema.isEmpty()
                    && !schema.endsWith("Envelope")
                    && !where.startsWith("GET /openapi")) {
                raw.add(where + " " + r.getKey() + " " + schema);
            }
        }));
        assertEquals(List.of(), raw, "JSON successes described without the {code, message, data} envelope");
    }

    private static void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        CONTRACT.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().has("responses")) {
                        each.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                    }
                }));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .readTree(Path.of("src/main/openapi/openapi.yaml").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
