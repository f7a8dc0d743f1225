package io.faceswap.webhook;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyRequired;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer's side of webhooks: the signing secret, the delivery log of a task, replays. */
// "/v1" like TaskResource: a longer class path would win the match for /v1/faceswap_openapi/create and 404 it
@Path("/v1")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "ApiKey")
public class WebhookResource {

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookLog log;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    @POST
    @Path("/faceswap_openapi/webhook_secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or roll the webhook signing secret",
            description = "Returns a new whsec_ secret, shown this once. Previous secrets keep signing for "
                    + "graceSeconds (default 86400): meanwhile each callback carries one v1= per valid secret.")
    @APIResponse(responseCode = "200", description = "The new secret, shown this once")
    public ApiResponse<WebhookViews.SecretCreated> roll(
            @Context SecurityContext security, @Valid WebhookRequests.Roll request) {
        long grace = request == null || request.graceSeconds() == null
                ? settings.defaultGraceSeconds()
                : request.graceSeconds();
        return ApiResponse.ok(
                WebhookViews.SecretCreated.of(secrets.roll(caller(security).userId(), Duration.ofSeconds(grace))));
    }

    @GET
    @Path("/faceswap_openapi/webhooks")
    @Operation(
            summary = "A task's webhook deliveries, newest first, each with its attempts",
            description =
                    "Only the key's own tasks; each delivery lists every attempt with its time, HTTP status, latency and error. 404 for another user's or an unknown task.")
    @APIResponse(responseCode = "200", description = "The deliveries, newest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<WebhookViews.DeliveryList> list(
            @Context SecurityContext security,
            @QueryParam("taskId")
                    @NotNull
                    @Pattern(regexp = WebhookRequests.OBJECT_ID, message = "must be a task id (24 hex)")
                    String taskId) {
        return ApiResponse.ok(new WebhookViews.DeliveryList(
                log.ofTask(taskId, caller(security).userId())));
    }

    @POST
    @Path("/faceswap_openapi/webhooks/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send a delivery again",
            description = "A new delivery with the same event id and body "
                    + "(freshly signed), with its own retries. 404 for another user's delivery.")
    @APIResponse(responseCode = "200", description = "The new delivery")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<WebhookViews.Delivery> replay(
            @Context SecurityContext security, @NotNull @Valid WebhookRequests.Replay request) {
        WebhookDelivery replay =
                outbox.replay(request.deliveryId(), caller(security).userId());
        sender.wakeUp();
        return ApiResponse.ok(WebhookViews.Delivery.of(replay, java.util.List.of()));
    }

    private static ApiCaller caller(SecurityContext security) {
        return (ApiCaller) security.getUserPrincipal();
    }
}
