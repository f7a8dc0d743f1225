package io.faceswap.task;

/**
 * Checks a task's {@code callbackUrl} at create. Implemented by the webhook package, so that this package knows
 * nothing of how callbacks are sent (the same pattern as {@code auth.ApiKeyAuthenticator}).
 */
public interface CallbackTargets {

    /**
     * @throws io.faceswap.api.ApiException (400) when the URL cannot be a callback for this user: not https (unless
     *         private networks are allowed), not parseable, or the user has no signing secret yet
     */
    void requireUsable(String userId, String callbackUrl);
}
