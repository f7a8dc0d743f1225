package io.faceswap.auth;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.logging.LogContext;
import io.faceswap.metrics.Meters;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Authenticates the customer API by the key in {@code X-ClipZap-Apikey} and hands the caller to the resource as the
 * request's {@link SecurityContext} principal ({@link ApiCaller}).
 */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthFilter implements ContainerRequestFilter {
    public static final String HEADER = "X-ClipZap-Apikey";

    @Inject
    ApiKeyAuthenticator authenticator;

    @Inject
    RequestActor actor;

    @Inject
    Meters meters;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            authenticate(request);
        } catch (ApiException e) {
            meters.keyRefused(e.error().name());
            throw e;
        }
    }

    private void authenticate(ContainerRequestContext request) {
        String presented = request.getHeaderString(HEADER);
        if (presented == null || presented.isBlank()) {
            throw new ApiException(ErrorCode.API_KEY_MISSING);
        }
        if (!ApiKeyFormat.isWellFormed(presented.trim())) {
            throw new ApiException(ErrorCode.API_KEY_MALFORMED);
        }
        ApiCaller caller = authenticator.authenticate(presented.trim());
        actor.set("key:" + caller.keyId());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure));
        LogContext.user(caller.userId());
    }

    private record CallerContext(ApiCaller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "ApiKey";
        }
    }
}
