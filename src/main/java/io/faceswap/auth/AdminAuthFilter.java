package io.faceswap.auth;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    @Inject
    AdminToken adminToken;

    @Inject
    RequestActor actor;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiException(ErrorCode.ADMIN_TOKEN_MISSING);
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !adminToken.matches(header.substring(BEARER.length()).trim())) {
            throw new ApiException(ErrorCode.ADMIN_TOKEN_INVALID);
        }
        actor.set("admin:" + adminToken.fingerprint());
    }
}
