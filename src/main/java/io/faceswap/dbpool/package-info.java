/**
 * Loaded by the server's connection pool, not by the application: the build packs this package (and
 * {@link io.faceswap.api.DatabaseFaults}) as the server module {@code io.faceswap.dbpool}, which the datasource names
 * as its exception sorter. Depends only on {@code api}'s fault rule and IronJacamar's SPI.
 */
package io.faceswap.dbpool;
