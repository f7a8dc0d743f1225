package io.faceswap.health;

import io.faceswap.api.Envelopes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers API calls 503 at once while the probe finds the database unreachable, before authentication (which may
 * need it too): a worker thread is never parked on a frozen database for the length of a socket timeout when the
 * answer is already known. Calls that reach the database in the moment before the probe notices are bounded by the
 * driver's timeouts and mapped to the same 503 (see {@code UnexpectedExceptionMapper}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class DatabaseGate implements ContainerRequestFilter {

    @Inject
    DatabaseProbe database;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith("/v1/") || path.startsWith("v1/")) && !database.databaseUp()) {
            request.abortWith(Envelopes.unavailable(
                    "The database is not reachable; try again later", database.retryAfterSeconds()));
        }
    }
}
