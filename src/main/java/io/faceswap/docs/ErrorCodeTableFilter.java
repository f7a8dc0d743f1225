package io.faceswap.docs;

import io.faceswap.api.ErrorCode;
import io.faceswap.task.TaskErrorCode;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Appends the error-code tables to the OpenAPI description, generated from {@link ErrorCode} and
 * {@link TaskErrorCode} so they never drift, and the {@code webhooks} section ({@link WebhookDocs}).
 */
public class ErrorCodeTableFilter implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        StringBuilder table =
                new StringBuilder("\n\n## Error codes\n\n| code | HTTP | name | meaning |\n|---|---|---|---|\n");
        table.append("| 0 | 200 | OK | success |\n");
        for (ErrorCode e : ErrorCode.values()) {
            table.append("| ")
                    .append(e.code())
                    .append(" | ")
                    .append(e.httpStatus())
                    .append(" | ")
                    .append(e.name())
                    .append(" | ")
                    .append(e.defaultMessage())
                    .append(" |\n");
        }
        table.append(
                "\n## Task error codes\n\nA failed task's `errorCode` is one of these:\n\n| errorCode | meaning |\n|---|---|\n");
        for (TaskErrorCode c : TaskErrorCode.values()) {
            table.append("| ")
                    .append(c.name())
                    .append(" | ")
                    .append(c.meaning())
                    .append(" |\n");
        }
        String description = openAPI.getInfo().getDescription();
        openAPI.getInfo().setDescription((description == null ? "" : description) + table);
        WebhookDocs.addTo(openAPI); // the one filter MicroProfile OpenAPI runs: the callback's contract too
    }
}
