package io.faceswap.docs;

import io.faceswap.api.ErrorCode;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Appends the error-code table to the OpenAPI description, generated from {@link ErrorCode} so it never drifts, and
 * the {@code webhooks} section ({@link WebhookDocs}).
 */
public class ErrorCodeTableFilter implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        StringBuilder table = new StringBuilder("\n\n## Error codes\n\n| code | HTTP | name | meaning |\n|---|---|---|---|\n");
        table.append("| 0 | 200 | OK | success |\n");
        for (ErrorCode e : ErrorCode.values()) {
            table.append("| ").append(e.code()).append(" | ").append(e.httpStatus()).append(" | ").append(e.name())
                    .append(" | ").append(e.defaultMessage()).append(" |\n");
        }
        String description = openAPI.getInfo().getDescription();
        openAPI.getInfo().setDescription((description == null ? "" : description) + table);
        WebhookDocs.addTo(openAPI); // the one filter MicroProfile OpenAPI runs: the callback's contract too
    }
}
