package io.faceswap.docs;

import io.faceswap.api.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The one error envelope ({@code ErrorEnvelope}: code, message, data with {@code errors[{field, message}]}) and one
 * reusable response per HTTP status it comes with, listing that status's codes from {@link ErrorCode}. Operations
 * name theirs with {@code @APIResponse(responseCode = "404", ref = "NotFound")}; {@link OperationErrors} adds the
 * ones that follow from an operation's shape (credential, body, parameters).
 */
final class ErrorResponses {
    static final String ENVELOPE = "ErrorEnvelope";

    /** Reusable response names by status: the names operations' annotations refer to. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("400", "BadRequest");
        NAMES.put("401", "Unauthorized");
        NAMES.put("402", "PaymentRequired");
        NAMES.put("403", "Forbidden");
        NAMES.put("404", "NotFound");
        NAMES.put("406", "NotAcceptable");
        NAMES.put("409", "Conflict");
        NAMES.put("410", "Gone");
        NAMES.put("413", "PayloadTooLarge");
        NAMES.put("415", "UnsupportedMediaType");
        NAMES.put("416", "RangeNotSatisfiable");
        NAMES.put("422", "UnprocessableContent");
        NAMES.put("429", "TooManyRequests");
        NAMES.put("500", "InternalError");
        NAMES.put("503", "ServiceUnavailable");
    }

    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    private ErrorResponses() {}

    static void addTo(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addSchema(
                "FieldError",
                object("One invalid field of a request")
                        .addProperty("field", string("The field, query or path parameter; body for the whole body"))
                        .addProperty("message", string("What is wrong with it"))
                        .required(List.of("field", "message")));
        components.addSchema(
                "ErrorDetails",
                object("Details of a validation failure (40001)")
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .items(ref("FieldError")))
                        .required(List.of("errors")));
        components.addSchema(
                ENVELOPE,
                object("Every failure: a non-zero code from the error-code table, a message for people, and data: "
                                + "null, or the invalid fields of a validation failure")
                        .addProperty(
                                "code",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .format("int32")
                                        .description("Non-zero; see the error-code table")
                                        .examples(List.of(40001)))
                        .addProperty("message", string("Human-readable; do not parse it"))
                        .addProperty(
                                "data",
                                OASFactory.createSchema()
                                        .description("null, or the invalid fields (40001)")
                                        .oneOf(List.of(
                                                ref("ErrorDetails"),
                                                OASFactory.createSchema().addType(Schema.SchemaType.NULL))))
                        .required(List.of("code", "message", "data"))
                        .additionalPropertiesBoolean(false));
        headers(components);
        NAMES.forEach((status, name) -> components.addResponse(name, response(status)));
    }

    private static void headers(Components components) {
        components.addHeader(
                "RateLimit-Limit", header("Calls the key's bucket holds (creates and other calls have a bucket each)"));
        components.addHeader("RateLimit-Remaining", header("Calls left in the bucket now"));
        components.addHeader("RateLimit-Reset", header("Seconds until the bucket is full again"));
        components.addHeader("Retry-After", header("Seconds to wait before the next call (42901)"));
    }

    private static APIResponse response(String status) {
        String codes = java.util.Arrays.stream(ErrorCode.values())
                .filter(e -> String.valueOf(e.httpStatus()).equals(status))
                .map(e -> e.code() + " " + e.name())
                .collect(Collectors.joining(", "));
        APIResponse response = OASFactory.createAPIResponse()
                .description(codes.isEmpty() ? "Error" : codes)
                .content(OASFactory.createContent()
                        .addMediaType(
                                "application/json", OASFactory.createMediaType().schema(ref(ENVELOPE))));
        if (status.equals("429")) {
            response.addHeader("Retry-After", headerRef("Retry-After"));
            RATE_LIMIT_HEADERS.forEach(h -> response.addHeader(h, headerRef(h)));
        }
        return response;
    }

    static Header headerRef(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static Header header(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int64"));
    }

    static Schema ref(String schema) {
        return OASFactory.createSchema().ref("#/components/schemas/" + schema);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
