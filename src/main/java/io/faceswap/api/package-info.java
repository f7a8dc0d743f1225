/**
 * The HTTP contract every resource shares: the {@code {code, message, data}} envelope, the error-code table, the
 * exception mappers that turn every failure into that envelope exactly once, and limits on request bodies.
 * <p>
 * Depends on nothing else of the application; every feature package may depend on it.
 */
package io.faceswap.api;
