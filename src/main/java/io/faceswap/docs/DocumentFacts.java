package io.faceswap.docs;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The document's frame: where clients reach the service ({@code clipzap.public-base-url}), a licence by SPDX id
 * and external docs that generators accept, and a description for every tag. The callback has a
 * tag of its own: a generator writes one API class per tag, and a shared one would lose the calls to the webhook.
 */
final class DocumentFacts {
    static final String WEBHOOK_TAG = "Webhook events";

    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("Face swap", "Create, poll, cancel and download tasks; usage (sk)"),
            Map.entry("Webhooks", "The signing secret and the delivery log of task callbacks (sk)"),
            Map.entry(WEBHOOK_TAG, "What this service POSTs to a callback URL when a task ends"),
            Map.entry("Health", "Readiness for load balancers (no credential)"),
            Map.entry("Reports", "Report a result that misuses someone's likeness (no credential)"),
            Map.entry(
                    "Admin: reports, take-downs, suspensions",
                    "Abuse reports, result take-downs and user suspensions (admin token)"),
            Map.entry("Admin: OpenAPI keys", "Create, list, roll and revoke users' sk keys (admin token)"),
            Map.entry("Admin: audit", "The audit log of key, payment and secret operations (admin token)"),
            Map.entry("Admin: batch jobs", "Job executions and the queue (admin token)"),
            Map.entry("Admin: billing", "Payments and balances (admin token)"),
            Map.entry("Admin: rate limits", "Per-user rate limit overrides (admin token)"),
            Map.entry("Admin: tasks", "Any user's tasks (admin token)"),
            Map.entry("Admin: webhooks", "Any user's secrets, endpoints and deliveries (admin token)"));

    private DocumentFacts() {}

    static void apply(OpenAPI openAPI, String publicBaseUrl, String license) {
        String base =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        openAPI.setServers(List.of(OASFactory.createServer().url(base).description("This deployment")));
        // WildFly's host model always writes info.license and externalDocs (empty when the deployment has none),
        // and generators refuse them empty: so they are filled, the licence from clipzap.openapi.license
        openAPI.getInfo().setLicense(OASFactory.createLicense().name(license).identifier(license));
        openAPI.setExternalDocs(OASFactory.createExternalDocumentation()
                .description("Swagger UI of this deployment")
                .url(base + "/docs/"));
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                tag.setDescription(TAGS.getOrDefault(tag.getName(), tag.getDescription()));
            }
        }
        if (openAPI.getTags().stream().noneMatch(t -> t.getName().equals(WEBHOOK_TAG))) {
            openAPI.addTag(OASFactory.createTag().name(WEBHOOK_TAG).description(TAGS.get(WEBHOOK_TAG)));
        }
    }
}
