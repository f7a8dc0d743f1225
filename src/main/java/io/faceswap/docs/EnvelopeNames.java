package io.faceswap.docs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The scanner names each {@code ApiResponse<T>} it meets {@code Envelope1}, {@code Envelope2} ... in the order it
 * meets them, so a new endpoint renumbers the rest and a generated client's types change under its users. Here each
 * gets the name of its payload ({@code FaceSwapTaskEnvelope} for {@code data: FaceSwapTask}), stable and meaningful,
 * with {@code code}, {@code message} and {@code data} required (the envelope always writes all three).
 */
final class EnvelopeNames {
    private static final Pattern POSITIONAL = Pattern.compile("Envelope\\d*");
    private static final String PREFIX = "#/components/schemas/";

    private EnvelopeNames() {}

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Map<String, Schema> schemas = components.getSchemas(); // read-only: changes go through components
        Map<String, String> renamed = new HashMap<>();
        // in name order, so that of two envelopes of one payload the same one is kept on every start
        for (Map.Entry<String, Schema> e : new TreeMap<>(schemas).entrySet()) {
            Schema data = e.getValue().getProperties() == null
                    ? null
                    : e.getValue().getProperties().get("data");
            if (!POSITIONAL.matcher(e.getKey()).matches() || data == null || data.getRef() == null) {
                continue;
            }
            String name = data.getRef().substring(PREFIX.length()) + "Envelope";
            components.removeSchema(e.getKey());
            if (!components.getSchemas().containsKey(name)) { // a named envelope class of the same payload wins
                components.addSchema(name, e.getValue());
            }
            renamed.put(PREFIX + e.getKey(), PREFIX + name);
        }
        components.removeSchema("Envelope"); // ApiResponse<?> itself: no operation answers an untyped envelope
        for (Map.Entry<String, Schema> e : components.getSchemas().entrySet()) {
            if (e.getKey().endsWith("Envelope") && !e.getKey().equals(ErrorResponses.ENVELOPE)) {
                Schema data = e.getValue().getProperties().get("data");
                data.setType(null); // "type: object" beside the $ref adds nothing
                e.getValue().required(List.of("code", "message", "data")).additionalPropertiesBoolean(false);
            }
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                for (APIResponse response :
                        operation.getResponses().getAPIResponses().values()) {
                    if (response.getContent() == null) {
                        continue;
                    }
                    for (MediaType media : response.getContent().getMediaTypes().values()) {
                        Schema schema = media.getSchema();
                        if (schema != null && renamed.containsKey(schema.getRef())) {
                            schema.setRef(renamed.get(schema.getRef()));
                        }
                    }
                }
            }
        }
    }
}
