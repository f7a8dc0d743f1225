/**
 * Application settings that several features share (the data directory). Settings come from MicroProfile Config;
 * defaults are in {@code META-INF/microprofile-config.properties} and documented in the README.
 * <p>
 * Depends on nothing else of the application.
 */
package io.faceswap.config;
