/**
 * The service's own metrics, in Micrometer meters that the server's micrometer subsystem serves to Prometheus
 * (clipzap_*): {@link io.faceswap.metrics.Meters} records what the feature packages report with one call each;
 * {@link io.faceswap.metrics.TaskMeters} follows task events; {@link io.faceswap.metrics.QueueGauges} samples the
 * queue and the webhook backlog from the database. Labels have bounded values (statuses, codes, outcomes), never a
 * task or user id. Depends on {@code task} (events, statuses), {@code health} (the ready gauge) and {@code config};
 * the feature packages depend on {@link io.faceswap.metrics.Meters}, never on the rest of this package.
 */
package io.faceswap.metrics;
