package io.faceswap.health;

import io.faceswap.api.ApiResponse;
import io.faceswap.api.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Readiness for load balancers: 200 only when the database answers. No credential. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class HealthResource {
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    public record Health(String status, String database) {
    }

    @GET
    @Operation(summary = "Ready when the database is reachable (503 otherwise)")
    public Response health() {
        if (databaseUp()) {
            return Response.ok(ApiResponse.ok(new Health("UP", "UP"))).build();
        }
        return Response.status(503).entity(ApiResponse.error(ErrorCode.SERVICE_UNAVAILABLE,
                "The database is not reachable", new Health("DOWN", "DOWN"))).build();
    }

    private boolean databaseUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false; // not ready is the answer, not an error of this request
        }
    }
}
