package io.faceswap.task;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyRequired;
import io.faceswap.billing.AccountView;
import io.faceswap.billing.BillingService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/faceswap_openapi/me")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Face swap")
@SecurityRequirement(name = "ApiKey")
public class MeResource {

    @Inject
    BillingService billing;

    public record Me(String userId, String keyId, long balanceSeconds, long heldSeconds) {}

    @GET
    @Operation(summary = "The key's user and balance", description = "Handy to check a key works.")
    @APIResponse(responseCode = "200", description = "The key's user and balance")
    public ApiResponse<Me> me(@Context SecurityContext security) {
        ApiCaller caller = (ApiCaller) security.getUserPrincipal();
        AccountView account = billing.find(caller.userId()).map(AccountView::of).orElseThrow();
        return ApiResponse.ok(new Me(caller.userId(), caller.keyId(), account.balanceSeconds(), account.heldSeconds()));
    }
}
