package io.faceswap.task;

import io.faceswap.auth.ApiKeyRequired;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Downloads of results with the sk, owner only ({@link ResultDownloads} sends them). */
@Path("/v1/faceswap_openapi/result/{id}")
@ApiKeyRequired
@Tag(name = "Face swap")
@SecurityRequirement(name = "ApiKey")
public class ResultResource {

    @Inject
    TaskService tasks;

    @Inject
    ResultDownloads downloads;

    @GET
    @Produces({"video/mp4", "application/json"})
    @Operation(summary = "Download the result MP4 (Range supported)")
    public void download(
            @Context SecurityContext security,
            @PathParam("id") @Pattern(regexp = "[0-9a-f]{24}", message = "must be a task id") String id,
            @HeaderParam("Range") String range,
            @Suspended AsyncResponse async) {
        downloads.serve(tasks.owned(TaskResource.caller(security), id), range, async);
    }
}
