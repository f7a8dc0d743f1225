package io.faceswap.docs;

import io.faceswap.api.ErrorCode;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.webhook.WebhookSettings;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Appends the error-code tables to the OpenAPI description, generated from {@link ErrorCode} and
 * {@link TaskErrorCode} so they never drift, the {@code webhooks} section ({@link WebhookDocs}), and what makes the
 * document a contract a client can be generated from: servers, error responses, stable schema names, required
 * properties and configured limits (issue 24).
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
        // the one filter MicroProfile OpenAPI runs: the callback's contract and the facts annotations cannot state
        WebhookDocs.addTo(openAPI);
        // the deployment's config: the filter runs with the server's context class loader
        Config config = ConfigProvider.getConfig(ErrorCodeTableFilter.class.getClassLoader());
        DocumentFacts.apply(
                openAPI,
                WebhookSettings.publicBaseUrl(config).toString(),
                config.getValue("clipzap.openapi.license", String.class));
        ErrorResponses.addTo(openAPI);
        OperationErrors.addTo(openAPI);
        EnvelopeNames.apply(openAPI);
        SchemaFacts.apply(openAPI, config.getValue("clipzap.tasks.max-duration-seconds", Double.class));
        // in name order: the same text on every start (the scanner's and the renames' orders are not), which a
        // client team diffing the served document against the committed one can rely on
        Components components = openAPI.getComponents();
        components.setSchemas(new TreeMap<>(components.getSchemas()));
    }
}
