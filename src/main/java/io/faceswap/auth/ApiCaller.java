package io.faceswap.auth;

import java.security.Principal;

/** Who is calling the customer API: the key's owner and the key. Set by {@link ApiKeyAuthFilter}. */
public record ApiCaller(String userId, String keyId) implements Principal {
    @Override
    public String getName() {
        return userId;
    }
}
