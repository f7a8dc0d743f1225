package io.faceswap.ratelimit;

import io.faceswap.api.Envelopes;
import io.faceswap.api.ErrorCode;
import io.faceswap.auth.ApiCaller;
import io.faceswap.auth.ApiKeyRequired;
import io.faceswap.metrics.Meters;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Draws one permit per customer call from the key's bucket (creates from their own), right after the key filter
 * has authenticated the caller. Refused calls end here with 429 and {@code Retry-After}; every sk response carries
 * the {@code RateLimit-*} figures of its bucket.
 */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimitPolicy policy;

    @Inject
    KeyLimiters limiters;

    @Inject
    Meters meters;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof ApiCaller caller) || !policy.enabled()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        // listing a media's faces fetches and decodes it as a task's start does: it draws from the create bucket
        Kind kind = request.getMethod().equals("POST") && (path.endsWith("/create") || path.endsWith("/faces"))
                ? Kind.CREATE
                : Kind.READ;
        KeyLimiters.Decision decision = limiters.acquire(caller.keyId(), kind, policy.limitFor(caller.userId(), kind));
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            meters.rateLimited(kind.name());
            request.abortWith(Envelopes.error(
                    ErrorCode.RATE_LIMITED,
                    "Rate limit of " + decision.limit()
                            + (kind == Kind.CREATE ? " creates" : " calls") + " exceeded; retry after "
                            + decision.retryAfterSeconds() + " s",
                    null));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof KeyLimiters.Decision d) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", d.limit());
            headers.putSingle("RateLimit-Remaining", d.remaining());
            headers.putSingle("RateLimit-Reset", d.resetSeconds());
            if (!d.allowed()) {
                headers.putSingle("Retry-After", d.retryAfterSeconds());
            }
        }
    }
}
