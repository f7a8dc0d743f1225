package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A result by its signed link (issue 26): no key, so a browser's video tag, a CDN or a colleague can use it until it
 * expires. The signature is the credential; everything after it is the sk download's ({@link ResultResource}).
 */
@Path("/" + ResultLinks.PATH + "{id}")
@Tag(name = "Face swap")
public class ResultLinkResource {

    @Inject
    ResultLinks links;

    @Inject
    TaskQueries queries;

    @Inject
    ResultDownloads results;

    @GET
    @Produces({"video/mp4", "image/jpeg", "image/png", "application/json"})
    @Operation(
            summary = "Download a result by its signed link (no key; Range supported)",
            description = "The resultUrl of a succeeded task's view, valid until its resultUrlExpiresAt; served "
                    + "as the sk download is (video/mp4, or image/jpeg or image/png for a photo task). An altered "
                    + "link, or one signed by a key no longer kept, is 403 / 40302; an expired one 403 / 40303 "
                    + "(list the task again for a fresh link).")
    @APIResponse(responseCode = "200", description = "The whole result (an MP4, or a photo task's JPEG or PNG)")
    @APIResponse(responseCode = "206", description = "The byte range asked for")
    @APIResponse(responseCode = "403", description = "Altered or unknown-key link (40302), or expired (40303)")
    @APIResponse(responseCode = "410", description = "The result passed its retention (41001) or was deleted (41002)")
    @APIResponse(responseCode = "416", description = "The range is outside the file (41601)")
    @APIResponse(responseCode = "503", description = "Too many downloads in progress (50301)")
    public void download(
            @PathParam("id") String id,
            @QueryParam("expires") String expires,
            @QueryParam("kid") String kid,
            @QueryParam("sig") String sig,
            @HeaderParam("Range") String range,
            @Suspended AsyncResponse async) {
        FaceSwapTask task = queries.find(links.verify(id, expires, kid, sig));
        if (task == null) {
            throw new ApiException(ErrorCode.LINK_INVALID); // a genuine link to a task purged since
        }
        results.serve(task, range, async);
    }
}
