package io.faceswap.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors raised by the JAX-RS runtime itself (unknown path, wrong method, wrong content type ...). */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ErrorCode error = ErrorCode.forStatus(status);
        // a status outside our table keeps its own number (e.g. 416 for a bad Range)
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiResponse.error(error, error.defaultMessage(), null))
                .build();
    }
}
