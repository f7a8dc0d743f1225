/**
 * The customer API of face-swap tasks ({@code /v1/faceswap_openapi/*}), every call authenticated by an API key.
 * <p>
 * Depends on {@code api}, {@code auth}, {@code billing}, {@code config}, and {@code media} to parse URLs; reaches the engine only through the batch layer.
 */
package io.faceswap.task;
