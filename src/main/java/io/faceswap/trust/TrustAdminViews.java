package io.faceswap.trust;

import io.faceswap.task.FaceSwapTask;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the admin side of reports, take-downs and suspensions. */
public final class TrustAdminViews {
    private TrustAdminViews() {}

    private static final String NO_CONTROLS = ReportRequest.TEXT;

    @Schema(name = "TakedownRequest")
    public record TakedownRequest(
            @NotNull
            @Pattern(regexp = ReportRequest.TASK_ID, message = "must be a task id (24 lower-case hex characters)")
            @Schema(example = "65f1c0ffee0ddba11c0ffee1", required = true)
            String taskId,

            @NotBlank
            @Size(max = 400)
            @Pattern(regexp = NO_CONTROLS, message = "must not contain control characters but line breaks")
            @Schema(description = "Why: kept in the audit log", example = "Report 65f1...: no consent", required = true)
            String reason) {}

    @Schema(name = "SuspensionRequest")
    public record SuspensionRequest(
            @NotBlank
            @Size(max = 400)
            @Pattern(regexp = NO_CONTROLS, message = "must not contain control characters but line breaks")
            @Schema(
                    description = "Why: kept in the audit log",
                    example = "Repeated non-consensual uploads",
                    required = true)
            String reason) {}

    @Schema(name = "DismissReportRequest")
    public record DismissRequest(
            @Size(max = 400)
            @Pattern(regexp = NO_CONTROLS, message = "must not contain control characters but line breaks")
            @Schema(description = "Optional note for the audit log")
            String note) {}

    @JsonbNillable
    @Schema(name = "Takedown")
    public record Takedown(
            String taskId,
            String userId,

            @Schema(description = "The task's status after the take-down")
            String status,

            Instant takenDownAt,

            @Schema(description = "false when it had been taken down before")
            boolean erasedNow,

            @Schema(description = "Open reports of the task now closed as actioned")
            int reportsClosed) {
        static Takedown of(TakedownService.Outcome o) {
            FaceSwapTask t = o.task();
            return new Takedown(
                    t.getId(),
                    t.getUserId(),
                    t.getStatus().wire(),
                    t.getTakenDownAt(),
                    o.erasedNow(),
                    o.reportsClosed());
        }
    }

    @JsonbNillable
    @Schema(name = "UserSuspension")
    public record Suspension(
            String userId,
            boolean suspended,
            Instant suspendedAt,

            @Schema(description = "Tasks of the user not yet ended that this call stopped (seconds released)")
            int tasksStopped) {
        static Suspension of(SuspensionService.Outcome o) {
            return new Suspension(
                    o.account().getUserId(),
                    o.account().getSuspendedAt() != null,
                    o.account().getSuspendedAt(),
                    o.tasksStopped());
        }
    }

    @JsonbNillable
    @Schema(name = "AbuseReport")
    public record Report(
            String id,
            Instant createdAt,

            @Schema(description = "The task id named, from taskId or the result URL")
            String taskId,

            String resultUrl,
            String reason,
            String contact,

            @Schema(enumeration = {"open", "actioned", "dismissed"})
            String status,

            Instant resolvedAt,

            @Schema(description = "Whether a task has that id")
            boolean taskExists,

            @Schema(description = "The task's owner, when it exists")
            String taskUserId,

            @Schema(description = "The task's status, when it exists")
            String taskStatus,

            @Schema(description = "When the task was taken down")
            Instant taskTakenDownAt) {
        static Report of(AbuseReport r, FaceSwapTask t) {
            return new Report(
                    r.getId(),
                    r.getCreatedAt(),
                    r.getTaskId(),
                    r.getResultUrl(),
                    r.getReason(),
                    r.getContact(),
                    r.getStatus(),
                    r.getResolvedAt(),
                    t != null,
                    t == null ? null : t.getUserId(),
                    t == null ? null : t.getStatus().wire(),
                    t == null ? null : t.getTakenDownAt());
        }
    }

    @JsonbNillable
    @Schema(name = "AbuseReportList")
    public record ReportList(List<Report> list) {}
}
