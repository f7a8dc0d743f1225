/**
 * Who may call what: the admin bearer token for management calls ({@link io.faceswap.auth.AdminOnly}) and API keys
 * for the customer API ({@link io.faceswap.auth.ApiKeyRequired}), enforced by JAX-RS request filters, which also
 * name the caller for the audit log ({@link io.faceswap.auth.RequestActor}).
 * <p>
 * Depends only on {@code api} and {@code config}. How keys are stored is behind
 * {@link io.faceswap.auth.ApiKeyAuthenticator}, implemented in {@code account}.
 */
package io.faceswap.auth;
