/**
 * Operators' API: tasks with their processing internals, job executions (paged from the job repository), their
 * steps and partitions, stop/restart/abandon, queue figures, purge.
 * <p>
 * Depends on {@code api}, {@code auth}, {@code task}; the customer API never depends on it.
 */
package io.faceswap.admin;
