package io.faceswap.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: anything no other mapper claims is our bug, not the client's. The client gets an incident id it
 * can quote; the log gets the stack trace under the same id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    public record Incident(String incidentId) {}

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, e);
        return Envelopes.error(
                ErrorCode.INTERNAL_ERROR, "Internal error; quote incident " + incident, new Incident(incident));
    }
}
