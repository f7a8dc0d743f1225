package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import io.faceswap.audit.AuditLog;
import io.faceswap.auth.AdminOnly;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rolling the key that signs result links: links already handed out keep working (the old key is kept). */
@Path("/v1/admin/result_links/roll_key")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tasks")
@SecurityRequirement(name = "AdminBearer")
public class ResultLinkAdminResource {

    @Inject
    ResultLinkKeys keys;

    @Inject
    AuditLog audit;

    public record Rolled(String keyId, int keysKept) {}

    @POST
    @Transactional
    @Operation(
            summary = "Roll the result-link signing key",
            description = "A new key signs links from now on; the previous ones (up to 4) still verify, so no "
                    + "link already out breaks. Every node sees the new key within a second (the key file is in the "
                    + "shared storage). 409 / 40901 when the keys come from clipzap.results.signing-keys: change "
                    + "that setting instead, the new key first. Audited.")
    @APIResponse(responseCode = "200", description = "The new key's id (never a secret)")
    @APIResponse(responseCode = "401", description = "No valid admin token (4010x)")
    @APIResponse(responseCode = "409", description = "Keys come from configuration (40901)")
    public ApiResponse<Rolled> roll() {
        if (!keys.roll()) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "The signing keys come from clipzap.results.signing-keys; change it there");
        }
        KeyRing ring = keys.ring();
        audit.record(
                AuditLog.RESULT_LINK_KEY_ROLL,
                null,
                ring.current().id(),
                ring.keys().size() + " keys kept");
        return ApiResponse.ok(new Rolled(ring.current().id(), ring.keys().size()));
    }
}
