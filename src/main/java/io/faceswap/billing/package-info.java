/**
 * Users' books of seconds: payments (idempotent on their reference), holds taken by tasks, settlement. The admin
 * API to record payments and read balances.
 * <p>
 * Depends only on {@code api}, {@code auth}'s annotations and {@code audit} (payments are audited in their own
 * transaction); never on tasks or keys.
 */
package io.faceswap.billing;
