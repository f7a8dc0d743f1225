package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyRequired;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/faceswap_openapi/usage")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Face swap")
@SecurityRequirement(name = "ApiKey")
public class UsageResource {
    private static final int MAX_DAYS = 366;

    @Inject
    TaskUsage usage;

    @Inject
    Clock clock;

    @GET
    @Operation(
            summary = "The key's user's usage per UTC day",
            description = "Seconds charged per day (by the day a task succeeded) and tasks by status (created in "
                    + "the range). from and to are dates (YYYY-MM-DD), both inclusive; default the last 30 days; "
                    + "at most 366 days.")
    @APIResponse(responseCode = "200", description = "Charged seconds per day and tasks by status")
    public ApiResponse<TaskUsage.Usage> usage(
            @Context SecurityContext security,
            @QueryParam("from") @Parameter(example = "2026-11-01") String from,
            @QueryParam("to") @Parameter(example = "2026-11-30") String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end = date("to", to, today);
        LocalDate start = date("from", from, end.minusDays(29));
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new ApiException(
                    ErrorCode.BAD_PARAMETER,
                    "from..to: from must not be after to, and the range " + "at most " + MAX_DAYS + " days");
        }
        ApiCaller caller = (ApiCaller) security.getUserPrincipal();
        return ApiResponse.ok(usage.of(caller.userId(), start, end));
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        try {
            return value == null || value.isBlank() ? otherwise : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.BAD_PARAMETER, name + ": must be a date such as 2026-11-30");
        }
    }
}
