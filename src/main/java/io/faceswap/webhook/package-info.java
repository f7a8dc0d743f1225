/**
 * Signed webhooks: when a task ends (succeeded, failed, canceled) its view is POSTed to the task's
 * {@code callbackUrl}, or to the user's default endpoint, signed Stripe-style
 * ({@code ClipZap-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, one {@code v1} per
 * secret still valid during a roll's grace period).
 * <p>
 * Deliveries are rows ({@code webhook_delivery}), written after the task's end commits and swept for any a crash
 * missed; any node claims a due row with a lease (a conditional update, as tasks are claimed), sends it through the
 * SSRF-safe client of {@code media}, logs the attempt ({@code webhook_attempt}) and schedules the next one
 * (1 min, 5 min, 30 min, 2 h, 6 h, 12 h by default). Delivery is at least once: a node that dies mid-send leaves
 * the row to be sent again when its lease lapses, so receivers de-duplicate on {@code ClipZap-Event-Id}.
 * <p>
 * Depends on {@code api}, {@code auth}, {@code billing} (user ids), {@code config}, {@code health} (it pauses while
 * the database is unreachable), {@code media} (sending) and {@code task} (its events, its
 * view, and the {@link io.faceswap.task.CallbackTargets} check it implements). Nothing depends on this package:
 * the task layer must never wait for, or fail because of, a receiver.
 */
package io.faceswap.webhook;
