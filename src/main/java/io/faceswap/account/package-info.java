/**
 * OpenAPI keys (sk): created for users who have paid, shown once, stored as hashes, listed masked, revocable; and the
 * {@link io.faceswap.auth.ApiKeyAuthenticator} that the customer API's filter uses.
 * <p>
 * Depends on {@code api}, {@code auth} and {@code billing}; never on tasks.
 */
package io.faceswap.account;
