package io.faceswap.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One {@link Jsonb} for the whole application. Without a resolver, RESTEasy's JSON-B provider wraps every read and
 * write in a fresh unmanaged {@code ManagedJsonb}, which builds a new Yasson context (annotation scan, class models)
 * per request: about a millisecond of CPU on every response, even a 401 from a filter (issue 10). A Yasson
 * {@code Jsonb} is thread-safe and caches its class models, so sharing one is both correct and cheap. Static: it
 * holds no resources and goes with the deployment's class loader.
 * <p>
 * Request bodies are read strictly (issue 31): a field no request record has fails the read, so that a misspelled
 * option ({@code start_seconds} for {@code startSeconds}) is refused by name instead of silently dropped and paid
 * for. It is Yasson's own switch ({@code YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES}, named by its string so that the
 * application does not link against the implementation); {@link UnknownFields} maps the failure to the envelope
 * and, when operators relax it, ignores the fields instead. Writing is unaffected.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true).withDeserializers(new StrictBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
