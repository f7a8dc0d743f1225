package io.faceswap.admin;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.AdminOnly;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: batch jobs")
@SecurityRequirement(name = "AdminBearer")
public class AdminQueueResource {

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    JobRepositoryQueries queries;

    @Inject
    TaskQueries tasks;

    @Inject
    Clock clock;

    public record PurgeRequest(@NotNull @Min(0) @Max(87_600) Integer olderThanHours) {}

    public record PurgeResult(int executions, int taskFiles, Instant cutoff) {}

    @GET
    @Path("/queue")
    @Operation(
            summary = "Queue figures: tasks by status, throughput over the last hour, oldest queued age",
            description = "Counts over all users, read from the database at the time of the call.")
    @APIResponse(responseCode = "200", description = "The queue figures")
    public ApiResponse<TaskQueries.QueueFigures> queue() {
        return ApiResponse.ok(tasks.figures());
    }

    @POST
    @Path("/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delete finished executions and ended tasks' files older than the given age",
            description = "Tasks keep their rows; their results are marked expired.")
    @APIResponse(responseCode = "200", description = "What was deleted")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<PurgeResult> purge(@NotNull @Valid PurgeRequest request) {
        Instant cutoff = clock.instant().minus(Duration.ofHours(request.olderThanHours()));
        int executions = queries.purgeFinishedBefore(cutoff);
        int tasks = lifecycle.expireEndedBefore(cutoff);
        return ApiResponse.ok(new PurgeResult(executions, tasks, cutoff));
    }
}
