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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Produces({"video/mp4", "image/jpeg", "image/png", "application/json"})
    @Operation(
            summary = "Download the result: an MP4, or a photo task's JPEG or PNG (Range supported)",
            description = "The result with its content type: video/mp4 for a video task; for a photo task "
                    + "(targetImageUrl) image/png when the target was a PNG (its alpha channel kept), else "
                    + "image/jpeg. The whole file (200), or with a Range header of one byte range that part (206 with "
                    + "Content-Range). 409 (40906) until the task has succeeded, 410 (41001) once the result was "
                    + "deleted after its retention, 416 (41601) for a range outside the file, 503 (50301) while too "
                    + "many downloads run.")
    @APIResponse(
            responseCode = "200",
            description = "The result: an MP4 for a video task, a JPEG or PNG for a photo task",
            headers = {
                @Header(name = "Content-Length", required = true, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Accept-Ranges", required = true, schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "206",
            description = "The requested part of the result",
            headers = {
                @Header(
                        name = "Content-Range",
                        required = true,
                        description = "bytes <first>-<last>/<size>",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Content-Length", required = true, schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Accept-Ranges", required = true, schema = @Schema(type = SchemaType.STRING))
            },
            content = {
                @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
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
        downloads.serve(tasks.owned(TaskResource.caller(security), id), range, async);
    }
}
