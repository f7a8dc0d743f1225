package io.faceswap.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(ApiException e) {
        if (e.getCause() != null) { // a server-side failure: operators need its cause; the client gets the message
            LOG.log(Level.WARNING, e.error() + ": " + e.getMessage(), e.getCause());
        }
        return Envelopes.error(e.error(), e.getMessage(), e.details());
    }
}
