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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** The documented shape of a payment's answer: the method returns a Response to choose between 200 and 201. */
    @Schema(name = "PaymentViewEnvelope")
    record PaymentEnvelope(int code, String message, PaymentView data) {}

    @POST
    @Path("/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a payment",
            description = "Credits the user with seconds of processed video. Idempotent on reference: a retry with "
                    + "the same values returns the first booking (duplicate=true, HTTP 200); other values give 409.")
    @APIResponse(
            responseCode = "201",
            description = "Booked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentEnvelope.class)))
    @APIResponse(
            responseCode = "200",
            description = "The same reference with the same values: the first booking (duplicate=true)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentEnvelope.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
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
    @Operation(
            summary = "A user's balance and payment count",
            description = "Balance, held and spent seconds of a user who has paid at least once; 404 otherwise.")
    @APIResponse(responseCode = "200", description = "The user's account")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<AccountView> user(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return billing.find(userId)
                .map(AccountView::of)
                .map(ApiResponse::ok)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No user " + userId));
    }
}
