/**
 * Application settings that several features share (the data directory), and the schedule their background work
 * runs on ({@link io.faceswap.config.StoppableSchedule}). Settings come from MicroProfile Config;
 * defaults are in {@code META-INF/microprofile-config.properties} and documented in the README.
 * <p>
 * Depends on nothing else of the application.
 */
package io.faceswap.config;
