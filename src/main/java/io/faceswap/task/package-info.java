/**
 * The customer API of face-swap tasks ({@code /v1/faceswap_openapi/*}), every call authenticated by an API key.
 * <p>
 * Also a user's usage per day. Depends on {@code api}, {@code auth}, {@code billing}, {@code config}, and
 * {@code media} to parse URLs; reaches the engine only through the batch layer, and webhooks only through
 * {@link io.faceswap.task.CallbackTargets} and its events.
 */
package io.faceswap.task;
