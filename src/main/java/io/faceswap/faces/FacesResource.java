package io.faceswap.faces;

import io.faceswap.api.ApiResponse;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/faceswap_openapi/faces")
@ApplicationScoped
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Face swap")
@SecurityRequirement(name = "ApiKey")
public class FacesResource {
    @Inject
    FaceListService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List the faces of a photo or of a video",
            description = "Fetches the photo (imageUrl), or the video (videoUrl) and looks at it at each of seconds "
                    + "(default [0]), and lists the faces found, largest first: each with its box, a small JPEG and "
                    + "a faceId. A create's faceMappings can name a faceId instead of a referenceImageUrl, so a "
                    + "client can let a person click the face to replace. The ids are the user's own and are kept "
                    + "until expiresAt (clipzap.faces.ttl-hours), with the faces' recognition vectors; the media is "
                    + "not kept. Not billed; rate-limited as a create. Media that cannot be fetched or read is 422 / "
                    + "42201 with the reason.")
    @APIResponse(responseCode = "200", description = "The faces found (possibly none)")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public ApiResponse<FaceList> list(@Context SecurityContext security, @NotNull @Valid FaceListRequest request) {
        return ApiResponse.ok(service.list((ApiCaller) security.getUserPrincipal(), request));
    }
}
