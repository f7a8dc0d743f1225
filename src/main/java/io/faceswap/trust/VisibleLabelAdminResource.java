package io.faceswap.trust;

import io.faceswap.api.ApiResponse;
import io.faceswap.audit.AuditLog;
import io.faceswap.auth.AdminOnly;
import io.faceswap.billing.AccountView;
import io.faceswap.billing.BillingService;
import io.faceswap.billing.UserAccount;
import io.faceswap.billing.UserIds;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An operator marks every result of a user with the visible AI-generated label (issue 27, item 2). Audited. */
@Path("/v1/admin/users/{userId}/visible_label")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: reports, take-downs, suspensions")
@SecurityRequirement(name = "AdminBearer")
public class VisibleLabelAdminResource {

    @Inject
    BillingService accounts;

    @Inject
    AuditLog audit;

    @Schema(name = "VisibleLabelSetting")
    public record Setting(
            @NotNull @Schema(description = "true: every new task of the user is marked", required = true)
            Boolean enabled) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            summary = "Mark every result of a user with the visible AI-generated label",
            description = "With enabled=true, every task the user creates from now on gets the visible mark in its "
                    + "result's corner, whatever the task's own visibleLabel says; false leaves it to each task. "
                    + "Tasks already created keep what they had. Audited (user.visible_label).")
    @APIResponse(responseCode = "200", description = "The user's account, with the setting")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApiResponse<AccountView> set(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @NotNull @Valid Setting setting) {
        UserAccount account = accounts.setVisibleLabel(userId, setting.enabled());
        audit.record(AuditLog.USER_VISIBLE_LABEL, userId, userId, setting.enabled() ? "on" : "off");
        return ApiResponse.ok(AccountView.of(account));
    }
}
