/**
 * Health: {@code /health} for ClipZap clients and load balancers (the database answers), and the MicroProfile Health
 * checks on the management port (readiness: database, storage, face models, migrations; liveness: the dispatcher
 * and the lease keeper tick). Depends on {@code api}, {@code config} (storage, heartbeats), {@code schema} and the
 * datasource; never on the task or batch packages.
 */
package io.faceswap.health;
