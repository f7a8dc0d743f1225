package io.faceswap.audit;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.AdminOnly;
import io.faceswap.billing.UserIds;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/audit")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: audit")
@SecurityRequirement(name = "AdminBearer")
public class AuditResource {

    @Inject
    AuditLog audit;

    @JsonbNillable
    public record Entry(
            String id,
            Instant occurredAt,
            String actor,
            String kind,
            @Schema(nullable = true) String userId,
            @Schema(nullable = true) String subject,
            @Schema(nullable = true) String detail) {
        static Entry of(AuditEvent e) {
            return new Entry(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getActor(),
                    e.getKind(),
                    e.getUserId(),
                    e.getSubject(),
                    e.getDetail());
        }
    }

    @JsonbNillable
    public record Page(
            List<Entry> list, @Schema(nullable = true) String nextCursor) {}

    @GET
    @Operation(
            summary = "The audit log, newest first",
            description = "Key operations (key.new, key.roll, key.delete), payments, webhook secret rolls, "
                    + "rate-limit overrides, consent attestations (consent.attested), abuse reports (report.filed, "
                    + "report.dismissed), take-downs (task.takedown) and suspensions (user.suspend, user.unsuspend), with the credential that made them (admin:<fingerprint> or "
                    + "key:<id>). Pass nextCursor back as cursor for the next page; null when there is none.")
    @APIResponse(responseCode = "200", description = "A page of audit entries, newest first")
    public ApiResponse<Page> list(
            @QueryParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @QueryParam("kind") @Pattern(regexp = "[a-z_.]{1,40}") String kind,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<AuditEvent> rows = audit.page(
                userId,
                kind,
                instant("from", from),
                instant("to", to),
                cursor == null ? null : AuditCursor.decode(cursor),
                limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEvent> shown = more ? rows.subList(0, limit) : rows;
        AuditEvent last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return ApiResponse.ok(new Page(
                shown.stream().map(Entry::of).toList(),
                more ? new AuditCursor(last.getOccurredAt(), last.getId()).encode() : null));
    }

    static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ErrorCode.BAD_PARAMETER, name + ": must be an ISO-8601 instant such as " + "2026-12-01T00:00:00Z");
        }
    }
}
