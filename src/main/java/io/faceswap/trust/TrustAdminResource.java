package io.faceswap.trust;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.AdminOnly;
import io.faceswap.billing.UserIds;
import io.faceswap.task.TaskQueries;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' side of issue 27: reports, take-downs, suspensions. Everything here is audited. */
@Path("/v1/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: reports, take-downs, suspensions")
@SecurityRequirement(name = "AdminBearer")
@APIResponse(responseCode = "401", description = "No admin token (40101) or a wrong one (40102)")
public class TrustAdminResource {

    @Inject
    ReportService reports;

    @Inject
    TakedownService takedowns;

    @Inject
    SuspensionService suspensions;

    @Inject
    TaskQueries tasks;

    @GET
    @Path("/reports")
    @Operation(
            summary = "Abuse reports, newest first, with the task each names (if it exists)",
            description = "Filter by status (open, actioned, dismissed) and task; each report says whether its task "
                    + "exists, and its owner, status and take-down time.")
    @APIResponse(responseCode = "200", description = "The reports")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid (40001)")
    public ApiResponse<TrustAdminViews.ReportList> reports(
            @QueryParam("status") @Pattern(regexp = "open|actioned|dismissed") String status,
            @QueryParam("taskId") @Pattern(regexp = ReportRequest.TASK_ID, message = "must be a task id") String taskId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return ApiResponse.ok(new TrustAdminViews.ReportList(reports.list(status, taskId, limit).stream()
                .map(r -> TrustAdminViews.Report.of(r, r.getTaskId() == null ? null : tasks.find(r.getTaskId())))
                .toList()));
    }

    @POST
    @Path("/reports/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Close an open report with no action (audited)",
            description = "For a report that needs no take-down. A report that is no longer open is returned as "
                    + "it is, and nothing is written.")
    @APIResponse(responseCode = "200", description = "The report, dismissed (or as it was, when it was not open)")
    @APIResponse(responseCode = "400", description = "The id or body is invalid (40001, 40002)")
    @APIResponse(responseCode = "404", description = "No such report (40401)")
    public ApiResponse<TrustAdminViews.Report> dismiss(
            @PathParam("id") @Pattern(regexp = ReportRequest.TASK_ID, message = "must be a report id") String id,
            @Valid TrustAdminViews.DismissRequest request) {
        AbuseReport report = reports.dismiss(id, request == null ? null : request.note());
        if (report == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No report " + id);
        }
        return ApiResponse.ok(
                TrustAdminViews.Report.of(report, report.getTaskId() == null ? null : tasks.find(report.getTaskId())));
    }

    @POST
    @Path("/takedowns")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Take a result down: the task's data is erased",
            description = "A task still queued or running ends at once (failed TAKEN_DOWN, nothing charged); the "
                    + "task's files (inputs, segments, result) are erased; the result answers 410 (41003) and "
                    + "the task shows no resultUrl. A succeeded task keeps its charge. Open reports of the task "
                    + "are closed as actioned. Audited (task.takedown). Taking a task down again changes nothing.")
    @APIResponse(responseCode = "200", description = "Taken down")
    @APIResponse(responseCode = "400", description = "The body is invalid (40001, 40002)")
    @APIResponse(responseCode = "404", description = "No such task (40401)")
    public ApiResponse<TrustAdminViews.Takedown> takeDown(@NotNull @Valid TrustAdminViews.TakedownRequest request) {
        return ApiResponse.ok(TrustAdminViews.Takedown.of(takedowns.takeDown(request.taskId(), request.reason())));
    }

    @POST
    @Path("/users/{userId}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Suspend a user: every key refused, running tasks stopped",
            description = "Every key of the user is refused with 403 USER_SUSPENDED (40304) at once on this node "
                    + "and within clipzap.keys.auth-cache-millis (at most 1 s) on every other node. Every task "
                    + "of the user not yet ended fails USER_SUSPENDED and its held seconds are released. "
                    + "Audited (user.suspend). Suspending again stops nothing more and keeps the first time.")
    @APIResponse(responseCode = "200", description = "Suspended")
    @APIResponse(responseCode = "400", description = "The user id or body is invalid (40001, 40002)")
    @APIResponse(responseCode = "404", description = "No such user (40401)")
    public ApiResponse<TrustAdminViews.Suspension> suspend(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @NotNull @Valid TrustAdminViews.SuspensionRequest request) {
        return ApiResponse.ok(TrustAdminViews.Suspension.of(suspensions.suspend(userId, request.reason())));
    }

    @POST
    @Path("/users/{userId}/unsuspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "End a user's suspension: the keys work again",
            description = "Keys that were active before work again (on other nodes within the key cache's "
                    + "second); tasks stopped by the suspension stay failed. Audited (user.unsuspend).")
    @APIResponse(responseCode = "200", description = "Not suspended")
    @APIResponse(responseCode = "400", description = "The user id or body is invalid (40001, 40002)")
    @APIResponse(responseCode = "404", description = "No such user (40401)")
    public ApiResponse<TrustAdminViews.Suspension> unsuspend(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @Valid TrustAdminViews.DismissRequest request) {
        return ApiResponse.ok(
                TrustAdminViews.Suspension.of(suspensions.unsuspend(userId, request == null ? null : request.note())));
    }
}
