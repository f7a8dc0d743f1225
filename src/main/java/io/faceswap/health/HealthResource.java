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

    public record Health(String status, String database) {}

    @GET
    @Operation(
            summary = "Ready when the database is reachable (503 with Retry-After otherwise); never waits on the"
                    + " database: the background probe's state is at most clipzap.db.probe-timeout-millis behind")
    public Response health() {
        return database.databaseUp()
                ? Response.ok(UP).build()
                : Response.status(503)
                        .header("Retry-After", database.retryAfterSeconds())
                        .entity(DOWN)
                        .build();
    }
}
