/**
 * The HTTP contract every resource shares: the {@code {code, message, data}} envelope, the error-code table, the
 * exception mappers that turn every failure into that envelope exactly once, limits on request bodies, and the
 * length of the messages the service stores and shows ({@link io.faceswap.api.Messages}).
 * <p>
 * Depends on nothing else of the application; every feature package may depend on it.
 */
package io.faceswap.api;
