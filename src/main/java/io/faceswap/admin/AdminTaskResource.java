package io.faceswap.admin;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.AdminOnly;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.ResultLinks;
import io.faceswap.task.TaskDeletion;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskStatus;
import io.faceswap.task.TaskView;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any user's task with its processing internals, for operators. */
@Path("/v1/admin/tasks")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tasks")
@SecurityRequirement(name = "AdminBearer")
public class AdminTaskResource {

    @Inject
    TaskQueries queries;

    @Inject
    TaskDeletion deletion;

    @Inject
    ResultLinks links;

    @Context
    UriInfo uri;

    /** The client's view plus what only operators need. */
    public record AdminTaskView(
            TaskView task,
            Long jobExecutionId,
            String executionStatus,
            String node,
            long framesDone,
            long framesProcessed,
            long heldSeconds,
            boolean cancelRequested,
            int attempts,
            boolean paused,
            java.time.Instant leaseUntil,
            // issue 27
            @Schema(description = "The creator's consent attestation; null when none was given")
            Consent consent,

            @Schema(description = "When an admin took the result down; null when not")
            java.time.Instant takenDownAt) {}

    /** What the creator attested at create, and with which key (its id; the secret is never stored). */
    @Schema(name = "ConsentOnRecord")
    public record Consent(boolean attested, String statement, String keyId, java.time.Instant attestedAt) {
        static Consent of(FaceSwapTask t) {
            return Boolean.TRUE.equals(t.getConsentAttested())
                    ? new Consent(true, t.getConsentStatement(), t.getKeyId(), t.getCreatedAt())
                    : null;
        }
    }

    public record AdminTaskList(List<AdminTaskView> list) {}

    @GET
    @Operation(
            summary = "Tasks of any user, newest first, by status and by task id or user id",
            description = "q matches a task id or a user id exactly; status filters by the task's status.")
    @APIResponse(responseCode = "200", description = "Matching tasks, newest first")
    public ApiResponse<AdminTaskList> search(
            @QueryParam("status") @Pattern(regexp = "queued|processing|succeeded|failed|canceled") String status,
            @QueryParam("q") @Pattern(regexp = "[A-Za-z0-9_.@:-]{1,64}") String idOrUser,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        TaskStatus s = status == null ? null : TaskStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        return ApiResponse.ok(new AdminTaskList(
                queries.search(s, idOrUser, limit).stream().map(this::view).toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "A task with its job execution, node and frame counters",
            description = "framesProcessed counts every frame written by any run: a chunk written again after a "
                    + "crash or takeover counts twice.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<AdminTaskView> task(
            @PathParam("id") @Pattern(regexp = "[0-9a-f]{24}", message = "must be a task id (24 hex)") String id) {
        FaceSwapTask t = queries.find(id);
        if (t == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No task " + id);
        }
        return ApiResponse.ok(view(t));
    }

    @POST
    @Path("/{id}/delete")
    @Operation(
            summary = "Delete any task's data",
            description = "As the client's POST /v1/faceswap_openapi/delete: cancels a queued or running task "
                    + "(seconds released), erases its files, keeps the tombstone (status deleted); audited; "
                    + "idempotent.")
    @APIResponse(responseCode = "200", description = "The tombstone")
    @APIResponse(responseCode = "401", description = "No valid admin token (4010x)")
    @APIResponse(responseCode = "404", description = "No such task (40401)")
    public ApiResponse<AdminTaskView> delete(
            @PathParam("id") @Pattern(regexp = "[0-9a-f]{24}", message = "must be a task id (24 hex)") String id) {
        FaceSwapTask t = deletion.delete(id, "by an operator");
        if (t == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No task " + id);
        }
        return ApiResponse.ok(view(t));
    }

    private AdminTaskView view(FaceSwapTask t) {
        return new AdminTaskView(
                TaskView.of(t, uri.getBaseUri(), links),
                t.getJobExecutionId(),
                executionStatus(t.getJobExecutionId()),
                t.getNode(),
                t.getFramesDone(),
                t.getFramesProcessed(),
                t.getHeldSeconds(),
                t.isCancelRequested(),
                t.getAttempts(),
                t.isPaused(),
                t.getLeaseUntil(),
                Consent.of(t),
                t.getTakenDownAt());
    }

    private static String executionStatus(Long execution) {
        if (execution == null) {
            return null;
        }
        try {
            return BatchRuntime.getJobOperator()
                    .getJobExecution(execution)
                    .getBatchStatus()
                    .name();
        } catch (NoSuchJobExecutionException e) {
            return null; // purged
        }
    }
}
