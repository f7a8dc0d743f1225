package io.faceswap.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean Validation failures at the boundary: 400 with one entry per offending field. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    public record FieldError(String field, String message) {}

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String summary = errors.isEmpty()
                ? ErrorCode.VALIDATION_FAILED.defaultMessage()
                : errors.get(0).field() + ": " + errors.get(0).message();
        return Envelopes.error(ErrorCode.VALIDATION_FAILED, summary, Map.of("errors", errors));
    }

    /** The client's name for the field: the last property, query or path parameter, or "body" for the whole body. */
    static String fieldName(ConstraintViolation<?> violation) {
        String name = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name;
    }
}
