package io.faceswap.account;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.AdminOnly;
import io.faceswap.billing.UserIds;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/openapi_account")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: OpenAPI keys")
@SecurityRequirement(name = "AdminBearer")
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

    @Inject
    Clock clock;

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create an OpenAPI key (sk) for a user who has paid",
            description = "The full key is in data.sk of this response only; store it now. 402 (40201) when the "
                    + "user has never paid, 409 (40903) at the active-key limit.")
    @APIResponse(responseCode = "200", description = "The new key; data.sk is shown this once")
    @APIResponse(responseCode = "402", ref = "PaymentRequired")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApiResponse<ApiKeyViews.Created> create(@NotNull @Valid ApiKeyRequests.NewKey request) {
        ApiKeyService.Created created = keys.create(request.userId(), request.name(), request.expiresInDays());
        return ApiResponse.ok(ApiKeyViews.Created.of(created, clock.instant()));
    }

    @GET
    @Path("/list")
    @Operation(
            summary = "List a user's keys, masked, newest first",
            description =
                    "Every key of the user with its status (active, rolling, rolled, revoked, expired) and lastUsedAt; never the secret.")
    @APIResponse(responseCode = "200", description = "The user's keys, masked")
    public ApiResponse<ApiKeyViews.KeyList> list(
            @QueryParam("userId") @NotNull @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE)
                    String userId) {
        Instant now = clock.instant();
        var list = keys.list(userId).stream()
                .map(k -> ApiKeyViews.Listed.of(k, now))
                .toList();
        return ApiResponse.ok(new ApiKeyViews.KeyList(list, list.size()));
    }

    @POST
    @Path("/roll")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Roll a key: a new key now, the old one until graceSeconds have passed",
            description = "The new key is in data.sk of this response only. The old key then lists as rolling, "
                    + "and after the grace as rolled, refused with 40116. 409 when the key is not active.")
    @APIResponse(responseCode = "200", description = "The new key; data.sk is shown this once")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApiResponse<ApiKeyViews.Created> roll(@NotNull @Valid ApiKeyRequests.RollKey request) {
        ApiKeyService.Created created = keys.roll(request.userId(), request.id(), request.graceSeconds());
        return ApiResponse.ok(ApiKeyViews.Created.of(created, clock.instant()));
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a key at once", description = "A key id of another user is 404. Idempotent.")
    @APIResponse(responseCode = "200", description = "The key, now revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<ApiKeyViews.Listed> delete(@NotNull @Valid ApiKeyRequests.DeleteKey request) {
        ApiKey revoked = keys.revoke(request.userId(), request.id());
        return ApiResponse.ok(ApiKeyViews.Listed.of(revoked, clock.instant()));
    }
}
