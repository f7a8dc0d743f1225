package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.api.ValidationExceptionMapper;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@ApplicationScoped // one instance, not one built and injected per request (the polling hot path); no request state
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Face swap")
@SecurityRequirement(name = "ApiKey")
public class TaskResource {
    static final int MAX_IDS = 100;
    private static final String OBJECT_ID = "[0-9a-f]{24}";
    private static final java.util.regex.Pattern OBJECT_ID_PATTERN = java.util.regex.Pattern.compile(OBJECT_ID);

    @Inject
    TaskService tasks;

    @Inject
    TaskReads reads;

    @Inject
    ResultLinks links;

    /** listbyids' payload; written by {@link TaskListWriter}, not by JSON-B. */
    public record TaskList(List<TaskView> list) {}

    /** The documented shape of create's answer: the method returns a Response to choose between 200 and 201. */
    @Schema(name = "FaceSwapTaskEnvelope")
    record TaskEnvelope(int code, String message, TaskView data) {}

    public record CancelRequest(
            @NotNull @Pattern(regexp = OBJECT_ID, message = "must be a task id (24 hex)")
            String objectID) {}

    @POST
    @Path("/faceswap_openapi/create")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a face-swap task",
            description = "Queues the task and holds ceil(duration) seconds from the balance (402 / 40202 when "
                    + "short); with startSeconds and/or endSeconds only that part of the video is swapped and "
                    + "returned, and ceil(endSeconds - startSeconds) (or ceil(duration - startSeconds)) is held "
                    + "instead. A bad trim is 400: 40006 negative, 40007 start not before end, 40008 past the "
                    + "declared duration. A photo target (targetImageUrl instead of videoUrl, no duration) holds a "
                    + "fixed number of seconds per photo (clipzap.billing.seconds-per-image) and gives a JPEG or "
                    + "PNG. Neither target is 400 / 40010, both 400 / 40011. With an Idempotency-Key header a retry "
                    + "returns the first task instead of a second.")
    @APIResponse(
            responseCode = "201",
            description = "Queued: the new task",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TaskEnvelope.class)))
    @APIResponse(
            responseCode = "200",
            description = "A retry with the same Idempotency-Key and body: the task the first call created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TaskEnvelope.class)))
    @APIResponse(responseCode = "402", ref = "PaymentRequired")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(
            @Context SecurityContext security,
            @NotNull @Valid CreateTaskRequest request,
            @HeaderParam("Idempotency-Key")
                    @Size(max = 100)
                    @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
                    @Parameter(
                            description = "Makes a retried create return the same task (the same key with another "
                                    + "body is 409 / 40905)")
                    String key,
            @Context UriInfo uri) {
        TaskService.Created created = tasks.create(caller(security), request, key);
        return Response.status(created.replayed() ? 200 : 201)
                .entity(ApiResponse.ok(TaskView.of(created.task(), uri.getBaseUri(), links)))
                .build();
    }

    @GET
    @Path("/faceswap_openapi/listbyids")
    @Operation(
            summary = "Tasks by id, in the order asked",
            description = "Unknown ids and other users' ids are simply absent. At most 100 ids.")
    @APIResponse(responseCode = "200", description = "The tasks found, in the order asked")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<TaskList> listByIds(
            @Context SecurityContext security,
            @QueryParam("objectID") @Parameter(required = true, description = "Comma-separated task ids")
                    String objectIds,
            @Context UriInfo uri) {
        if (objectIds == null) { // checked here, not by @NotNull: no validation interceptor on the polling path
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    "objectID: must not be null",
                    Map.of(
                            "errors",
                            List.of(new ValidationExceptionMapper.FieldError("objectID", "must not be null"))));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : Arrays.stream(objectIds.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList()) {
            if (!OBJECT_ID_PATTERN.matcher(id).matches()) { // compiled once: this is the polling hot path
                throw new ApiException(ErrorCode.BAD_PARAMETER, "objectID: '" + abbreviate(id) + "' is not a task id");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_IDS) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, "objectID: at most " + MAX_IDS + " ids per call");
        }
        List<TaskView> views = reads.listByIds(caller(security), ids).stream()
                .map(t -> TaskView.of(t, uri.getBaseUri(), links))
                .toList();
        return ApiResponse.ok(new TaskList(views));
    }

    /** The same call at the path spelled in ClipZap's published OpenAPI document. */
    @GET
    @Path("/faceswap-opanpai/listbyids")
    @Operation(
            summary = "Alias of /v1/faceswap_openapi/listbyids (ClipZap's published spelling)",
            description =
                    "The same call as /v1/faceswap_openapi/listbyids, kept because ClipZap's own OpenAPI document spells the path this way.")
    @APIResponse(responseCode = "200", description = "The tasks found, in the order asked")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<TaskList> listByIdsAlias(
            @Context SecurityContext security, @QueryParam("objectID") String objectIds, @Context UriInfo uri) {
        return listByIds(security, objectIds, uri);
    }

    @POST
    @Path("/faceswap_openapi/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cancel a queued or running task",
            description = "Held seconds are released. 409 when the " + "task already succeeded or failed.")
    @APIResponse(responseCode = "200", description = "The task, now canceled")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApiResponse<TaskView> cancel(
            @Context SecurityContext security, @NotNull @Valid CancelRequest request, @Context UriInfo uri) {
        return ApiResponse.ok(TaskView.of(tasks.cancel(caller(security), request.objectID()), uri.getBaseUri(), links));
    }

    @POST
    @Path("/faceswap_openapi/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delete a task's data",
            description = "Cancels the task if it is queued or running (its held seconds come back, as with a "
                    + "cancel), erases its photo, video, segments and result from the storage every node shares, "
                    + "and keeps the task as a tombstone: status deleted, no URLs, its books unchanged. Its result "
                    + "call answers 410 / 41002 from then on. Written to the audit log. Idempotent: deleting a "
                    + "deleted task returns the tombstone again.")
    @APIResponse(responseCode = "200", description = "The tombstone")
    @APIResponse(responseCode = "400", description = "objectID is not a task id (40001)")
    @APIResponse(responseCode = "401", description = "No valid key (4011x)")
    @APIResponse(responseCode = "404", description = "No such task of the key's user (40401)")
    public ApiResponse<TaskView> delete(
            @Context SecurityContext security, @NotNull @Valid CancelRequest request, @Context UriInfo uri) {
        return ApiResponse.ok(TaskView.of(tasks.delete(caller(security), request.objectID()), uri.getBaseUri(), links));
    }

    static ApiCaller caller(SecurityContext security) {
        return (ApiCaller) security.getUserPrincipal();
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "...";
    }
}
