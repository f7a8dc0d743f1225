package io.faceswap.billing;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.AdminOnly;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: billing")
@SecurityRequirement(name = "AdminBearer")
public class BillingResource {

    @Inject
    BillingService billing;

    public record PaymentView(
            String reference, String userId, long seconds, Instant createdAt, boolean duplicate, AccountView account) {}

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a payment",
            description = "Credits the user with seconds of processed video. Idempotent on reference: a retry with "
                    + "the same values returns the first booking (duplicate=true, HTTP 200); other values give 409.")
    public Response recordPayment(@NotNull @Valid PaymentRequest request) {
        BillingService.PaymentOutcome outcome =
                billing.recordPayment(request.userId(), request.seconds(), request.reference());
        Payment p = outcome.payment();
        PaymentView view = new PaymentView(
                p.getReference(),
                p.getUserId(),
                p.getSeconds(),
                p.getCreatedAt(),
                outcome.duplicate(),
                AccountView.of(outcome.account()));
        return Response.status(outcome.duplicate() ? 200 : 201)
                .entity(ApiResponse.ok(view))
                .build();
    }

    @GET
    @Path("/users/{userId}")
    @Operation(summary = "A user's balance and payment count")
    public ApiResponse<AccountView> user(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return billing.find(userId)
                .map(AccountView::of)
                .map(ApiResponse::ok)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No user " + userId));
    }
}
