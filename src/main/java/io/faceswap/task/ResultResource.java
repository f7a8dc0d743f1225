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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            summary = "Download the result MP4 (Range supported)",
            description = "The whole file (200), or with a Range header of one byte range that part (206 with "
                    + "Content-Range). 409 (40906) until the task has succeeded, 410 (41001) once the result was "
                    + "deleted after its retention, 416 (41601) for a range outside the file, 503 (50301) while too "
                    + "many downloads run.")
    @APIResponse(
            responseCode = "200",
            description = "The MP4",
            headers = {
                @Header(name = "Content-Length", required = true, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Accept-Ranges", required = true, schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "206",
            description = "The requested part of the MP4",
            headers = {
                @Header(
                        name = "Content-Range",
                        required = true,
                        description = "bytes <first>-<last>/<size>",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Content-Length", required = true, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Accept-Ranges", required = true, schema = @Schema(type = SchemaType.STRING))
            },
            content = @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "416", ref = "RangeNotSatisfiable")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public void download(
            @Context SecurityContext security,
            @PathParam("id") @Pattern(regexp = "[0-9a-f]{24}", message = "must be a task id") String id,
            @HeaderParam("Range")
                    @Parameter(description = "One byte range: bytes=<first>-<last>, bytes=<first>- or bytes=-<suffix>")
                    String range,
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
