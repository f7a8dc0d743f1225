package io.faceswap.ratelimit;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.AdminOnly;
import io.faceswap.billing.UserIds;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/users/{userId}/rate_limits")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: rate limits")
@SecurityRequirement(name = "AdminBearer")
public class RateLimitAdminResource {

    @Inject
    RateLimitPolicy policy;

    @Schema(
            name = "RateLimits",
            description = "Each bucket holds `limit` calls and refills completely every "
                    + "`periodMillis`; limits are per key, per node")
    public record Limits(
            @NotNull @Min(1) @Max(100_000) Integer readLimit,
            @NotNull @Min(100) @Max(86_400_000) Long readPeriodMillis,
            @NotNull @Min(1) @Max(100_000) Integer createLimit,
            @NotNull @Min(100) @Max(86_400_000) Long createPeriodMillis) {
        static Limits of(Limit read, Limit create) {
            return new Limits(
                    read.limit(),
                    read.period().toMillis(),
                    create.limit(),
                    create.period().toMillis());
        }
    }

    @GET
    @Operation(
            summary = "The rate limits that apply to a user's keys (override or defaults)",
            description = "The user's override if one is set, otherwise the configured defaults.")
    @APIResponse(responseCode = "200", description = "The limits in force")
    public ApiResponse<Limits> get(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN) String userId) {
        return ApiResponse.ok(Limits.of(policy.limitFor(userId, Kind.READ), policy.limitFor(userId, Kind.CREATE)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Override a user's rate limits",
            description = "Applies at once on the node that takes "
                    + "the call and within clipzap.rate-limit.override-cache-seconds on the others.")
    @APIResponse(responseCode = "200", description = "The limits now in force")
    public ApiResponse<Limits> put(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN) String userId, @NotNull @Valid Limits limits) {
        policy.override(
                userId,
                new Limit(limits.readLimit(), Duration.ofMillis(limits.readPeriodMillis())),
                new Limit(limits.createLimit(), Duration.ofMillis(limits.createPeriodMillis())));
        return get(userId);
    }

    @DELETE
    @Operation(
            summary = "Remove a user's override: the defaults apply again",
            description = "Other nodes pick the change up within clipzap.rate-limit.override-cache-seconds.")
    @APIResponse(responseCode = "200", description = "The defaults, now in force")
    public ApiResponse<Limits> delete(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN) String userId) {
        policy.override(userId, null, null);
        return get(userId);
    }
}
