package io.faceswap.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One {@link Jsonb} for the whole application. Without a resolver, RESTEasy's JSON-B provider wraps every read and
 * write in a fresh unmanaged {@code ManagedJsonb}, which builds a new Yasson context (annotation scan, class models)
 * per request: about a millisecond of CPU on every response, even a 401 from a filter (issue 10). A Yasson
 * {@code Jsonb} is thread-safe and caches its class models, so sharing one is both correct and cheap. Its default
 * configuration is what the per-request instances used, so the JSON on the wire does not change. Static: it
 * holds no resources and goes with the deployment's class loader.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
