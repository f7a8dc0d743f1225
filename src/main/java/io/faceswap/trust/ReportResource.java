package io.faceswap.trust;

import io.faceswap.api.ApiResponse;
import io.faceswap.api.Envelopes;
import io.faceswap.api.ErrorCode;
import io.faceswap.ratelimit.AddressLimiters;
import io.faceswap.ratelimit.KeyLimiters;
import io.faceswap.ratelimit.Limit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Abuse reports from anyone: the person in a video has no key. Limited per client address, never revealing. */
@Path("/v1/reports")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    @ConfigProperty(name = "clipzap.trust.reports.limit")
    int limit;

    @Inject
    @ConfigProperty(name = "clipzap.trust.reports.period-millis")
    long periodMillis;

    private AddressLimiters limiters;

    @PostConstruct
    void init() {
        limiters = new AddressLimiters(new Limit(limit, Duration.ofMillis(periodMillis)));
    }

    @Schema(name = "AbuseReportReceipt")
    public record Receipt(
            @Schema(description = "Quote it if you write to the operator")
            String reportId,

            @Schema(enumeration = "received") String status) {}

    /** The documented shape of the answer: the method returns a Response to answer 202 or 429. */
    @Schema(name = "AbuseReportReceiptEnvelope")
    record ReceiptEnvelope(int code, String message, Receipt data) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirements // none: anyone may report
    @Operation(
            summary = "Report a result (no key needed)",
            description = "For anyone who finds a result that misuses their likeness or is otherwise abusive. "
                    + "The answer is the same whether or not the task exists. An operator reviews reports and can "
                    + "take the result down. Limited per client address (clipzap.trust.reports.limit per "
                    + "clipzap.trust.reports.period-millis, per node).")
    @APIResponse(
            responseCode = "202",
            description = "Received",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReceiptEnvelope.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (40001), or the JSON (40002)")
    @APIResponse(responseCode = "413", description = "The body is too large (41301)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (41501)")
    @APIResponse(responseCode = "429", description = "Too many reports from this address (42901); see Retry-After")
    public Response file(@Context HttpServletRequest http, @NotNull @Valid ReportRequest request) {
        KeyLimiters.Decision decision = limiters.acquire(http.getRemoteAddr());
        if (!decision.allowed()) {
            return Response.fromResponse(Envelopes.error(
                            ErrorCode.RATE_LIMITED,
                            "Too many reports from this address; retry after " + decision.retryAfterSeconds() + " s",
                            null))
                    .header("Retry-After", decision.retryAfterSeconds())
                    .build();
        }
        AbuseReport report = reports.file(request);
        return Response.accepted(ApiResponse.ok(new Receipt(report.getId(), "received")))
                .build();
    }
}
