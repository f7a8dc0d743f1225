/**
 * The database's availability: the background {@link io.faceswap.health.DatabaseProbe} (a cached state that never
 * blocks its readers, with the outages it saw), the readiness endpoint, and the gate that answers API calls 503 while
 * the database is unreachable. Background work ({@code batch}, {@code webhook}) reads the probe to pause through an
 * outage. Depends only on {@code api}, {@code config} and the datasource.
 */
package io.faceswap.health;
