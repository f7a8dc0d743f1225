/**
 * OpenAPI keys (sk): created for users who have paid, shown once, stored as hashes, listed masked, revocable; and the
 * {@link io.faceswap.auth.ApiKeyAuthenticator} that the customer API's filter uses.
 * <p>
 * Keys roll: a successor is issued and the old key works until its grace period ends. New, roll and delete are
 * audited. Depends on {@code api}, {@code audit}, {@code auth} and {@code billing}; never on tasks.
 */
package io.faceswap.account;
