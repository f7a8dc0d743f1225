package io.faceswap.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that does not parse, or a field of the wrong type: the parser's text is not shown (it names our classes).
 * A field the request does not have is a validation failure naming it ({@link UnknownFields}).
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
        return fromCause(e);
    }

    /** A limit hit while the body was being read (see {@link BodySizeLimitFilter}) arrives wrapped: unwrap it. */
    static Response fromCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return Envelopes.error(api.error(), api.getMessage(), api.details());
            }
        }
        String unknown = UnknownFields.nameIn(e);
        if (unknown != null) {
            return UnknownFields.refusal(unknown);
        }
        String notBoolean = StrictBoolean.fieldIn(e);
        return notBoolean != null
                ? UnknownFields.refusal(notBoolean, StrictBoolean.MESSAGE)
                : Envelopes.error(ErrorCode.MALFORMED_JSON);
    }

    /** Yasson's own exception when it escapes RESTEasy's wrapping. */
    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return fromCause(e);
        }
    }
}
