package io.faceswap.admin;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.AdminOnly;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskQueries;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/executions")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: batch jobs")
@SecurityRequirement(name = "AdminBearer")
public class AdminExecutionResource {
    private static final String STATUS = "STARTING|STARTED|STOPPING|STOPPED|FAILED|COMPLETED|ABANDONED";

    @Inject
    JobRepositoryQueries queries;

    @Inject
    TaskQueries tasks;

    @Inject
    ExecutionControl control;

    @JsonbNillable
    public record ExecutionView(
            long executionId,
            String jobName,
            String batchStatus,
            @Schema(nullable = true) String exitStatus,
            Instant createTime,
            @Schema(nullable = true) Instant startTime,
            @Schema(nullable = true) Instant endTime,
            @Schema(nullable = true) String taskId,
            @Schema(nullable = true) String userId,
            @Schema(nullable = true) String taskStatus) {}

    @JsonbNillable
    public record ExecutionPage(
            List<ExecutionView> list,
            @Schema(nullable = true) Long nextCursor) {}

    public record StepView(
            long stepExecutionId,
            String stepName,
            String batchStatus,
            Instant startTime,
            Instant endTime,
            Map<String, Long> metrics,
            Double framesPerSecond,
            List<JobRepositoryQueries.PartitionRow> partitions) {}

    public record ExecutionDetail(ExecutionView execution, List<StepView> steps) {}

    @GET
    @Operation(
            summary = "Job executions, newest first, with their tasks and users",
            description = "Filter by status, job name and creation time (ISO-8601); page with the returned "
                    + "nextCursor. Reads the job repository with one query per page.")
    @APIResponse(responseCode = "200", description = "A page of executions")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<ExecutionPage> list(
            @QueryParam("status") @Pattern(regexp = STATUS) String status,
            @QueryParam("jobName") @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String jobName,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") @Min(0) Long cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<JobRepositoryQueries.ExecutionRow> rows = queries.executions(new JobRepositoryQueries.Filter(
                status, jobName, instant("from", from), instant("to", to), cursor, limit));
        List<ExecutionView> views = rows.stream().map(this::view).toList();
        Long next = rows.size() == limit ? rows.get(rows.size() - 1).executionId() : null;
        return ApiResponse.ok(new ExecutionPage(views, next));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One execution's steps and partitions with their metrics",
            description =
                    "From the job repository: each step with its status, times, metrics and partitions. 404 for an unknown execution.")
    @APIResponse(responseCode = "200", description = "The execution and its steps")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<ExecutionDetail> detail(@PathParam("id") @Min(0) long id) {
        JobRepositoryQueries.ExecutionRow row = row(id);
        List<StepExecution> steps;
        try {
            steps = BatchRuntime.getJobOperator().getStepExecutions(id);
        } catch (NoSuchJobExecutionException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No execution " + id);
        }
        List<StepView> stepViews = StepViews.of(steps, row.startTime(), row.endTime(), queries::partitions);
        return ApiResponse.ok(new ExecutionDetail(view(row), stepViews));
    }

    @POST
    @Path("/{id}/stop")
    @Operation(
            summary = "Stop a running execution; its task stays processing (paused) until restart or abandon",
            description =
                    "Asks JBeret to stop the execution after the chunk in flight. 404 for an unknown execution, 409 when it is not running.")
    @APIResponse(responseCode = "200", description = "The execution")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<ExecutionView> stop(@PathParam("id") @Min(0) long id) {
        control.stop(id, row(id).taskId());
        return ApiResponse.ok(view(row(id)));
    }

    @POST
    @Path("/{id}/restart")
    @Operation(
            summary = "Restart a stopped or interrupted execution of a paused task from its checkpoints",
            description =
                    "Only the unfinished partitions run again, each from its last checkpoint. 404 for an unknown execution, 409 when it cannot be restarted.")
    @APIResponse(responseCode = "200", description = "The execution")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<ExecutionView> restart(@PathParam("id") @Min(0) long id) {
        long next = control.restart(id, row(id).taskId());
        return ApiResponse.ok(view(row(next)));
    }

    @POST
    @Path("/{id}/abandon")
    @Operation(
            summary = "Abandon a stopped execution: its task fails with ABANDONED and its seconds are released",
            description =
                    "Final: the execution cannot be restarted afterwards. 404 for an unknown execution, 409 while it is running.")
    @APIResponse(responseCode = "200", description = "The execution")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<ExecutionView> abandon(@PathParam("id") @Min(0) long id) {
        control.abandon(id, row(id).taskId());
        return ApiResponse.ok(view(row(id)));
    }

    private JobRepositoryQueries.ExecutionRow row(long id) {
        List<JobRepositoryQueries.ExecutionRow> rows =
                queries.executions(new JobRepositoryQueries.Filter(null, null, null, null, id + 1, 1));
        if (rows.isEmpty() || rows.get(0).executionId() != id) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No execution " + id);
        }
        return rows.get(0);
    }

    private ExecutionView view(JobRepositoryQueries.ExecutionRow r) {
        FaceSwapTask task = r.taskId() == null ? null : tasks.find(r.taskId());
        return new ExecutionView(
                r.executionId(),
                r.jobName(),
                r.batchStatus(),
                r.exitStatus(),
                r.createTime(),
                r.startTime(),
                r.endTime(),
                r.taskId(),
                task == null ? null : task.getUserId(),
                task == null ? null : task.getStatus().wire());
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ErrorCode.BAD_PARAMETER, name + ": must be an ISO-8601 instant, e.g. " + "2026-11-25T08:00:00Z");
        }
    }
}
