/**
 * The customer API of face-swap tasks ({@code /v1/faceswap_openapi/*}), every call authenticated by an API key.
 * <p>
 * Also a user's usage per day, and consent on record ({@link io.faceswap.task.ConsentPolicy}, issue 27). Depends on {@code api}, {@code auth}, {@code billing}, {@code config}, and
 * {@code media} to parse URLs; reaches the engine only through the batch layer, and webhooks only through
 * {@link io.faceswap.task.CallbackTargets} and its events. The polling read (listbyids) is plain JDBC in
 * {@link io.faceswap.task.TaskReads}, owner-checked in its query; everything that changes a task goes through
 * {@link io.faceswap.task.TaskLifecycle}.
 */
package io.faceswap.task;
