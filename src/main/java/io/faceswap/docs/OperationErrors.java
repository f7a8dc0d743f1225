package io.faceswap.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The error responses that follow from an operation's shape, so no annotation can forget them: 401 behind a
 * credential, 403 and 429 (and RateLimit-* on successes) behind an sk, 400/413/415 with a JSON body, 400 with parameters,
 * 500 everywhere; an error response described in words only gets the envelope. Statuses an operation's own logic gives (402, 404, 409, 410, 416, 503) are in its annotations.
 * A call with no credential gets {@code security: [{}]} (the empty requirement: none needed), which says it is
 * public on purpose; an empty list would be dropped when the document is written.
 */
final class OperationErrors {
    private OperationErrors() {}

    static void addTo(OpenAPI openAPI) {
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                complete(
                        operation,
                        item.getParameters() != null && !item.getParameters().isEmpty());
            }
        }
    }

    private static void complete(Operation operation, boolean pathParameters) {
        List<String> schemes = new ArrayList<>();
        if (operation.getSecurity() != null) {
            operation.getSecurity().stream()
                    .map(SecurityRequirement::getSchemes)
                    .map(Map::keySet)
                    .forEach(schemes::addAll);
        }
        APIResponses responses = operation.getResponses();
        if (schemes.isEmpty()) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement())); // public: {} needs no credential
        }
        if (schemes.contains("ApiKey")) {
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                if (r.getKey().startsWith("2")) {
                    ErrorResponses.RATE_LIMIT_HEADERS.forEach(
                            h -> r.getValue().addHeader(h, ErrorResponses.headerRef(h)));
                }
            }
            add(responses, "429");
            add(responses, "403"); // 40304 USER_SUSPENDED: any key of a suspended user
        }
        if (!schemes.isEmpty()) {
            add(responses, "401");
        }
        boolean parameters = pathParameters
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (operation.getRequestBody() != null) {
            add(responses, "400");
            add(responses, "413");
            add(responses, "415");
        } else if (parameters) {
            add(responses, "400");
        }
        add(responses, "500");
        responses.getAPIResponses().forEach(OperationErrors::envelopeIfBare);
    }

    /**
     * An error response an annotation describes in words only (its own codes, say) still carries the envelope, so a
     * generated client types every failure.
     */
    private static void envelopeIfBare(String status, APIResponse response) {
        if ((status.startsWith("4") || status.startsWith("5"))
                && response.getRef() == null
                && response.getContent() == null) {
            response.content(OASFactory.createContent()
                    .addMediaType(
                            "application/json",
                            OASFactory.createMediaType().schema(ErrorResponses.ref(ErrorResponses.ENVELOPE))));
            if (status.equals("429")) {
                response.addHeader("Retry-After", ErrorResponses.headerRef("Retry-After"));
            }
        }
    }

    private static void add(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse().ref("#/components/responses/" + ErrorResponses.NAMES.get(status)));
        }
    }
}
