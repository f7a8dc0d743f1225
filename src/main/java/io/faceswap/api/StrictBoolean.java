package io.faceswap.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Request booleans are JSON {@code true} or {@code false}, nothing else. Yasson alone reads any string as
 * {@code Boolean.parseBoolean} does, so {@code "visibleLabel": "yes"} would silently be false and the customer would
 * get (and pay for) other work than asked: refused instead, as an unknown field is.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {
    public static final String MESSAGE = "must be true or false";

    /** Yasson's wrapping of a deserializer's refusal ({@code deserializeFailed} in its messages), naming the field. */
    private static final java.util.regex.Pattern YASSON = java.util.regex.Pattern.compile(
            "^Unable to deserialize property '(.*)' because of: " + MESSAGE, java.util.regex.Pattern.DOTALL);

    /** The field given a non-boolean if {@code failure} (or a cause) is this refusal, else null. */
    static String fieldIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException && t.getMessage() != null) {
                java.util.regex.Matcher m = YASSON.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        return switch (parser.getValue().getValueType()) { // Yasson's parser has no currentEvent()
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> throw new JsonbException(MESSAGE);
        };
    }
}
