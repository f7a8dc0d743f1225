/**
 * Users' books of seconds: payments (idempotent on their reference), holds taken by tasks, settlement. The admin
 * API to record payments and read balances.
 * <p>
 * Depends only on {@code api} and {@code auth}'s annotations; never on tasks or keys.
 */
package io.faceswap.billing;
