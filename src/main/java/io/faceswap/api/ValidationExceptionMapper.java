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

    /**
     * The client's name for the field: a query or path parameter's name, or the body property's path in the JSON
     * ({@code duration}, {@code consent.statement}, {@code faceMappings[0].referenceImageUrl}), or "body" for the
     * whole body.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        String name = "body";
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
                property.setLength(0);
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable() && node.getIndex() != null) { // this node is inside element i of the last
                    property.append('[').append(node.getIndex()).append(']');
                }
                property.append(property.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        return property.length() == 0 ? name : property.toString();
    }
}
