package io.faceswap.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The last resort: anything no other mapper claims is our bug, not the client's. The client gets an incident id it
 * can quote; the log gets the stack trace under the same id. A database that cannot be reached is not a bug: its
 * failures, however JPA, JTA or the pool wrapped them, are answered 503 with Retry-After and logged at FINE (the
 * database probe logs the outage once).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    @ConfigProperty(name = "clipzap.db.retry-after-seconds")
    long retryAfterSeconds;

    public record Incident(String incidentId) {}

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseFaults.isConnectionFault(e)) {
            LOG.log(Level.FINE, "Database unreachable during a request", e);
            return Envelopes.unavailable("The database is not reachable; try again later", retryAfterSeconds);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, e);
        return Envelopes.error(
                ErrorCode.INTERNAL_ERROR, "Internal error; quote incident " + incident, new Incident(incident));
    }
}
