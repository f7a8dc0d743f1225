/**
 * OpenAPI keys (sk): created for users who have paid, shown once, stored as hashes, listed masked, revocable; and the
 * {@link io.faceswap.auth.ApiKeyAuthenticator} that the customer API's filter uses.
 * <p>
 * Keys roll: a successor is issued and the old key works until its grace period ends. New, roll and delete are
 * audited. A suspended user's keys are refused (403 USER_SUSPENDED): the flag is read with each key from the user's
 * account row, so it reaches every node as a revocation does. Depends on {@code api}, {@code audit}, {@code auth} and {@code billing}; never on tasks.
 */
package io.faceswap.account;
