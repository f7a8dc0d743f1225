package io.faceswap.webhook;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.AdminOnly;
import io.faceswap.billing.UserIds;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin's side of webhooks: a user's secret and default endpoint, any task's log, replays. */
@Path("/v1/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: webhooks")
@SecurityRequirement(name = "AdminBearer")
public class WebhookAdminResource {
    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookLog log;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    @POST
    @Path("/users/{userId}/webhook_secret")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or roll a user's webhook signing secret (shown once)",
            description =
                    "The admin's twin of POST /v1/faceswap_openapi/webhook_secret: the new whsec_ secret is in this response only; the previous ones keep signing for graceSeconds.")
    @APIResponse(responseCode = "200", description = "The new secret, shown this once")
    public ApiResponse<WebhookViews.SecretCreated> roll(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @Valid WebhookRequests.Roll request) {
        long grace = request == null || request.graceSeconds() == null
                ? settings.defaultGraceSeconds()
                : request.graceSeconds();
        return ApiResponse.ok(WebhookViews.SecretCreated.of(secrets.roll(userId, Duration.ofSeconds(grace))));
    }

    @PUT
    @Path("/users/{userId}/webhook_endpoint")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set or remove a user's default callback URL",
            description = "Used for the user's tasks created without a callbackUrl. https unless private networks "
                    + "are allowed.")
    @APIResponse(responseCode = "200", description = "The endpoint now set")
    public ApiResponse<WebhookRequests.Endpoint> endpoint(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @NotNull @Valid WebhookRequests.Endpoint request) {
        if (request.url() != null) {
            targets.requireValidUrl("url", request.url());
        }
        outbox.setDefaultEndpoint(userId, request.url());
        return ApiResponse.ok(request);
    }

    @GET
    @Path("/webhooks")
    @Operation(
            summary = "Any task's webhook deliveries, newest first, each with its attempts",
            description =
                    "Filtered by taskId; each delivery lists every attempt with its time, HTTP status, latency and error.")
    @APIResponse(responseCode = "200", description = "The deliveries, newest first")
    public ApiResponse<WebhookViews.DeliveryList> list(
            @QueryParam("taskId")
                    @NotNull
                    @Pattern(regexp = WebhookRequests.OBJECT_ID, message = "must be a task id (24 hex)")
                    String taskId) {
        return ApiResponse.ok(new WebhookViews.DeliveryList(log.ofTask(taskId, null)));
    }

    @POST
    @Path("/webhooks/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send any delivery again (same event id and body, freshly signed)",
            description = "Queues a new delivery that replays the given one; 404 for an unknown delivery id.")
    @APIResponse(responseCode = "200", description = "The new delivery")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<WebhookViews.Delivery> replay(@NotNull @Valid WebhookRequests.Replay request) {
        WebhookDelivery replay = outbox.replay(request.deliveryId(), null);
        sender.wakeUp();
        return ApiResponse.ok(WebhookViews.Delivery.of(replay, java.util.List.of()));
    }
}
