package io.faceswap.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request field that no request record has. Yasson reports it only in its message ({@code unknownJsonProperty} in
 * its {@code yasson-messages.properties}: "Json property {0} can not be mapped to a class {1}."), so the name is
 * taken from there; {@code UnknownFieldsTest} pins the wording to the Yasson version the server ships.
 */
public final class UnknownFields {
    public static final String MESSAGE = "unknown field";

    private static final Pattern YASSON =
            Pattern.compile("^Json property (.*) can not be mapped to a class ", Pattern.DOTALL);
    private static final int MAX_NAME = 100;

    private UnknownFields() {}

    /** The unknown field's name if {@code failure} (or a cause) is Yasson refusing one, else null. */
    public static String nameIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException && t.getMessage() != null) {
                Matcher m = YASSON.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /** 400 VALIDATION_FAILED naming the field, as Bean Validation's errors do. */
    static Response refusal(String name) {
        return refusal(name, MESSAGE);
    }

    /** 400 VALIDATION_FAILED naming the field and what is wrong with it. */
    static Response refusal(String name, String message) {
        String shown = name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "...";
        return Envelopes.error(
                ErrorCode.VALIDATION_FAILED,
                shown + ": " + message,
                Map.of("errors", List.of(new ValidationExceptionMapper.FieldError(shown, message))));
    }

    /** A name fit for an HTTP header's quoted string and a log line: printable ASCII, quotes escaped, capped. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < MAX_NAME; i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return out.toString();
    }
}
