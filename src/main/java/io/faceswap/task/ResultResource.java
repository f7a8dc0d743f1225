package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiKeyRequired;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Downloads of results, owner only, with single byte ranges (players seek, downloads resume). */
@Path("/v1/faceswap_openapi/result/{id}")
@ApiKeyRequired
@Tag(name = "Face swap")
@SecurityRequirement(name = "ApiKey")
public class ResultResource {

    @Inject
    TaskService tasks;

    @Inject
    TaskFiles files;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/downloads")
    ManagedExecutorService downloads;

    @GET
    @Produces({"video/mp4", "application/json"})
    @Operation(summary = "Download the result MP4 (Range supported)")
    public void download(
            @Context SecurityContext security,
            @PathParam("id") @Pattern(regexp = "[0-9a-f]{24}", message = "must be a task id") String id,
            @HeaderParam("Range") String range,
            @Suspended AsyncResponse async) {
        FaceSwapTask task = tasks.owned(TaskResource.caller(security), id);
        if (task.isExpired()) {
            throw new ApiException(ErrorCode.RESULT_EXPIRED);
        }
        java.nio.file.Path result = files.result(id);
        if (task.getStatus() != TaskStatus.SUCCEEDED || !Files.isRegularFile(result)) {
            throw new ApiException(
                    ErrorCode.RESULT_NOT_READY,
                    "Task " + id + " is " + task.getStatus().wire());
        }
        long size = size(result);
        ByteRange r = ByteRange.parse(range, size);
        Response.ResponseBuilder response = Response.status(r.partial() ? 206 : 200)
                .type("video/mp4")
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", r.length())
                .header("Content-Disposition", "attachment; filename=\"" + id + ".mp4\"")
                .entity(new FileRangeOutput(result, r.start(), r.length()));
        if (r.partial()) {
            response.header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size);
        }
        stream(response.build(), async);
    }

    /**
     * The body goes out from the downloads executor: a slow client holds one of its threads for as long as it
     * reads, not one of the few HTTP workers that answer polls (server.cli sizes those for CPU-bound work).
     */
    private void stream(Response response, AsyncResponse async) {
        try {
            downloads.execute(() -> async.resume(response));
        } catch (RejectedExecutionException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Too many downloads in progress; retry shortly", e);
        }
    }

    private static long size(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
