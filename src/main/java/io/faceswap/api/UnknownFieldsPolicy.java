package io.faceswap.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code clipzap.api.unknown-fields}: {@code refuse} (the default) leaves the strict read of {@link JsonbResolver}
 * alone, so an unknown field is a 400 naming it. {@code ignore}, for operators whose existing ClipZap clients send
 * fields we do not use: the body is read strictly all the same, and each field Yasson refuses is noted, removed and
 * the body read again, so the ignored names come from Yasson and not from a second parser's idea of the schema. A
 * body without unknown fields costs one read either way; only a body that has some is parsed again. The response
 * names them in {@value #HEADER} ({@code 299 - "unknown fields ignored: a, b"}, RFC 7234's "miscellaneous
 * persistent warning") and the server logs them at INFO.
 */
@Provider
public class UnknownFieldsPolicy implements ReaderInterceptor, ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(UnknownFieldsPolicy.class.getName());
    public static final String HEADER = "Warning";
    private static final String IGNORED = UnknownFieldsPolicy.class.getName() + ".ignored";
    /** A bound on the re-reads: a body has at most this many unknown fields ignored, the next is refused. */
    private static final int MAX_IGNORED = 32;

    /** The switch's values; {@code of} lets MicroProfile Config convert the lower-case spelling. */
    public enum Mode {
        REFUSE,
        IGNORE;

        public static Mode of(String value) {
            return Mode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Inject
    @ConfigProperty(name = "clipzap.api.unknown-fields")
    Mode mode;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (mode != Mode.IGNORE || !isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        List<String> ignored = new ArrayList<>();
        JsonObject object = null;
        while (true) {
            context.setInputStream(new ByteArrayInputStream(body));
            try {
                Object read = context.proceed();
                if (!ignored.isEmpty()) {
                    context.setProperty(IGNORED, ignored);
                }
                return read;
            } catch (RuntimeException e) {
                String name = UnknownFields.nameIn(e);
                if (name == null || ignored.size() >= MAX_IGNORED) {
                    throw e;
                }
                object = object != null ? object : parse(body, e);
                if (!object.containsKey(name)) {
                    throw e; // nested (consent, faceMappings): Yasson names no path, so refused as usual
                }
                ignored.add(name);
                object = Json.createObjectBuilder(object).remove(name).build();
                body = object.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(IGNORED) instanceof List<?> names) {
            String shown =
                    names.stream().map(n -> UnknownFields.printable((String) n)).collect(Collectors.joining(", "));
            response.getHeaders().add(HEADER, "299 - \"unknown fields ignored: " + shown + "\"");
            LOG.info(() -> "Ignored unknown request field(s) " + shown + " on " + request.getMethod() + " /"
                    + request.getUriInfo().getPath(false).replaceFirst("^/", ""));
        }
    }

    private static JsonObject parse(byte[] body, RuntimeException failure) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException notAnObject) {
            throw failure; // Yasson read it far enough to find a field, so this should not happen: refuse as usual
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                        || type.getSubtype().endsWith("+json"));
    }
}
