/**
 * Health: {@code /health} for ClipZap clients and load balancers, answered from the background
 * {@link io.faceswap.health.DatabaseProbe} (a cached state that never blocks its readers, with the outages it saw);
 * the gate that answers API calls 503 while the database is unreachable; and the MicroProfile Health checks on the
 * management port (readiness: database, storage, face models, migrations; liveness: the dispatcher and the lease
 * keeper tick). Background work ({@code batch}, {@code webhook}) reads the probe to pause through an outage. Depends
 * on {@code api}, {@code config} (storage, heartbeats), {@code schema} and the datasource; never on the task or batch
 * packages.
 */
package io.faceswap.health;
