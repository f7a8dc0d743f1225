package io.faceswap.health;

import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Readiness for load balancers: 200 only when the database answers. Reads the probe's cached state and never waits
 * on the database itself, so it answers at once even while the database hangs. No credential.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class HealthResource {
    private static final ApiResponse<Health> UP = ApiResponse.ok(new Health("UP", "UP"));
    private static final ApiResponse<Health> DOWN = ApiResponse.error(
            ErrorCode.SERVICE_UNAVAILABLE, "The database is not reachable", new Health("DOWN", "DOWN"));

    @Inject
    DatabaseProbe database;

    public record Health(
            @Schema(enumeration = {"UP", "DOWN"}) String status,
            @Schema(enumeration = {"UP", "DOWN"}) String database) {}

    /** The documented shape of both answers (0 / success, or 50301 with the same data). */
    @Schema(name = "HealthEnvelope")
    record HealthEnvelope(int code, String message, Health data) {}

    @GET
    @Operation(
            summary = "Ready when the database is reachable",
            description = "200 when the database answers, 503 (50301) with Retry-After otherwise. Never waits on the "
                    + "database: it reads a background probe's state, at most clipzap.db.probe-timeout-millis behind. "
                    + "No credential: meant for load balancers.")
    @APIResponse(
            responseCode = "200",
            description = "Up",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HealthEnvelope.class)))
    @APIResponse(
            responseCode = "503",
            description = "The database does not answer (50301)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HealthEnvelope.class)))
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response health() {
        return database.databaseUp()
                ? Response.ok(UP).build()
                : Response.status(503)
                        .header("Retry-After", database.retryAfterSeconds())
                        .entity(DOWN)
                        .build();
    }
}
