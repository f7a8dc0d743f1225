package io.faceswap.auth;

/**
 * Resolves a presented API key to its caller. Implemented by the key store (package {@code account}), so this
 * package does not depend on how keys are kept.
 */
public interface ApiKeyAuthenticator {

    /**
     * @param presentedKey the header's value, already checked to be well formed
     * @throws io.faceswap.api.ApiException with API_KEY_UNKNOWN, API_KEY_REVOKED or API_KEY_EXPIRED
     */
    ApiCaller authenticate(String presentedKey);
}
