package io.faceswap.docs;

import jakarta.json.bind.annotation.JsonbNillable;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Facts the scanner cannot see: request bodies refuse unknown fields (issue 31's default), patterns are anchored
 * (Bean Validation matches the whole value; JSON Schema's pattern would otherwise mean "contains"), the configured
 * maximum duration, and which properties the server always writes.
 */
final class SchemaFacts {
    private static final String PREFIX = "#/components/schemas/";

    private SchemaFacts() {}

    static void apply(OpenAPI openAPI, double maxDurationSeconds) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String name : requestBodySchemas(openAPI)) {
            schemas.get(name).additionalPropertiesBoolean(false);
        }
        Schema create = schemas.get("CreateFaceSwapTask");
        if (create != null) {
            create.getProperties().get("duration").maximum(BigDecimal.valueOf(maxDurationSeconds));
        }
        schemas.values().forEach(SchemaFacts::anchor);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            List<Parameter> parameters =
                    new ArrayList<>(item.getParameters() == null ? List.of() : item.getParameters());
            item.getOperations().values().stream()
                    .filter(o -> o.getParameters() != null)
                    .forEach(o -> parameters.addAll(o.getParameters()));
            parameters.stream().map(Parameter::getSchema).forEach(SchemaFacts::anchor);
        }
        for (Class<?> view : ResponseShapes.VIEWS) {
            Schema schema = schemas.get(ResponseShapes.schemaName(view));
            if (schema != null) {
                schema.required(alwaysWritten(view, schema));
            }
        }
    }

    /** With {@code @JsonbNillable} every property is written (null included); otherwise nulls are left out. */
    private static List<String> alwaysWritten(Class<?> view, Schema schema) {
        boolean nillable = view.isAnnotationPresent(JsonbNillable.class);
        List<String> required = new ArrayList<>();
        for (RecordComponent c : view.getRecordComponents()) {
            boolean present =
                    nillable || c.getType().isPrimitive() || c.getType() == List.class || c.getType() == Map.class;
            if (present && schema.getProperties().containsKey(c.getName())) {
                required.add(c.getName());
            }
        }
        return required;
    }

    private static void anchor(Schema schema) {
        if (schema == null) {
            return;
        }
        String p = schema.getPattern();
        if (p != null && !p.startsWith("^")) {
            schema.setPattern("^(?:" + p + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SchemaFacts::anchor);
        }
        anchor(schema.getItems());
    }

    private static Set<String> requestBodySchemas(OpenAPI openAPI) {
        Set<String> names = new HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() == null
                        || operation.getRequestBody().getContent() == null) {
                    continue;
                }
                for (MediaType media :
                        operation.getRequestBody().getContent().getMediaTypes().values()) {
                    if (media.getSchema() != null && media.getSchema().getRef() != null) {
                        names.add(media.getSchema().getRef().substring(PREFIX.length()));
                    }
                }
            }
        }
        return names;
    }
}
