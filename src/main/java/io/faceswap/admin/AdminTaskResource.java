package io.faceswap.admin;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.AdminOnly;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskView;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any user's task with its processing internals, for operators. */
@Path("/v1/admin/tasks/{id}")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tasks")
@SecurityRequirement(name = "AdminBearer")
public class AdminTaskResource {

    @Inject
    TaskLifecycle lifecycle;

    @Context
    UriInfo uri;

    /** The client's view plus what only operators need. */
    public record AdminTaskView(TaskView task, Long jobExecutionId, String node, long framesDone,
                                long framesProcessed, long heldSeconds, boolean cancelRequested) {
    }

    @GET
    @Operation(summary = "A task with its job execution, node and frame counters",
            description = "framesProcessed counts every frame swapped by any run, redone chunks included.")
    public ApiResponse<AdminTaskView> task(@PathParam("id") @Pattern(regexp = "[0-9a-f]{24}",
            message = "must be a task id (24 hex)") String id) {
        FaceSwapTask t = lifecycle.find(id);
        if (t == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No task " + id);
        }
        return ApiResponse.ok(new AdminTaskView(TaskView.of(t, uri.getBaseUri()), t.getJobExecutionId(), t.getNode(),
                t.getFramesDone(), t.getFramesProcessed(), t.getHeldSeconds(), t.isCancelRequested()));
    }
}
