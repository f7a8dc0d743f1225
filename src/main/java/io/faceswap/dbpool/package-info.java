/**
 * Loaded by the server, not by the application: the build packs this package (and
 * {@link io.faceswap.api.DatabaseFaults}) as the server module {@code io.faceswap.dbpool}, which the datasource names
 * as its exception sorter and the logging subsystem as the {@code databaseOutage} filter. Depends only on
 * {@code api}'s fault rule, IronJacamar's SPI and java.util.logging.
 */
package io.faceswap.dbpool;
