/**
 * The JAX-RS application and its OpenAPI definition. Feature packages sit below: {@code api} (envelope, errors),
 * {@code auth}, {@code account}, {@code billing}, {@code task}, {@code batch}, {@code swap} (the engine, plain Java),
 * {@code media}, {@code webhook}, {@code ratelimit}, {@code audit}, {@code admin}, {@code health}, {@code docs},
 * {@code schema} and {@code config}. The README's code map says what each is for.
 */
package io.faceswap;
