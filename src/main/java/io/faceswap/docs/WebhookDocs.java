package io.faceswap.docs;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The callback a task's end sends, as OpenAPI 3.1's {@code webhooks} entry (annotations cannot describe a request
 * this service makes, so it is built here). The body is the {@code FaceSwapTask} schema the API already documents.
 */
final class WebhookDocs {
    private WebhookDocs() {}

    static void addTo(OpenAPI openAPI) {
        Operation post = OASFactory.createOperation()
                .operationId("taskEnded")
                .summary("A task ended: succeeded, failed or canceled")
                .description("POSTed to the task's callbackUrl (or the user's default endpoint). Verify "
                        + "ClipZap-Signature before trusting the body: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "
                        + "t + \".\" + raw body)>, one v1 per secret valid during a roll's grace; refuse a t far from "
                        + "now. Answer any 2xx within 10 s; otherwise the delivery is retried after 1 min, 5 min, "
                        + "30 min, 2 h, 6 h and 12 h. Delivery is at least once: de-duplicate on ClipZap-Event-Id.")
                .tags(List.of(DocumentFacts.WEBHOOK_TAG))
                .security(List.of(OASFactory.createSecurityRequirement())) // the receiver checks the signature, not a
                // credential of ours
                .parameters(List.of(
                        header("ClipZap-Event-Id", "evt_<task id>: the same on every retry and replay"),
                        header("ClipZap-Event-Type", "task.succeeded, task.failed or task.canceled"),
                        header("ClipZap-Delivery-Id", "This delivery (a replay has its own)"),
                        header(
                                "ClipZap-Signature",
                                "t=1733011200,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")))
                .requestBody(OASFactory.createRequestBody()
                        .required(true)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        "application/json",
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("#/components/schemas/FaceSwapTask")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse().description("Taken: no more attempts"))
                        .defaultValue(OASFactory.createAPIResponse().description("Not taken: retried later")));
        openAPI.webhooks(Map.of("taskEnded", OASFactory.createPathItem().POST(post)));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(true)
                .description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
