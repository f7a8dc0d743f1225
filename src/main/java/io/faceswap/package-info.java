/**
 * The JAX-RS application and its OpenAPI definition. Feature packages sit below: {@code api} (envelope, errors),
 * {@code auth}, {@code billing}, {@code account}, {@code task}, {@code swap} (the engine, plain Java), {@code media},
 * {@code batch}, {@code health}, {@code docs}, {@code config}.
 */
package io.faceswap;
