/**
 * Application settings that several features share (the data directory), and the schedule their background work
 * runs on ({@link io.faceswap.config.StoppableSchedule}). Settings come from MicroProfile Config; every default is
 * in {@code META-INF/microprofile-config.properties}, and {@code docs/configuration.md} documents each key.
 * <p>
 * Depends on nothing else of the application.
 */
package io.faceswap.config;
