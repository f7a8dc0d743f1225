/**
 * Operators' API: tasks with their processing internals (and, to come, job executions and queue figures).
 * <p>
 * Depends on {@code api}, {@code auth}, {@code task}; the customer API never depends on it.
 */
package io.faceswap.admin;
