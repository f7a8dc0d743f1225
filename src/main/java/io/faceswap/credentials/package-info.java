/**
 * Content credentials on results, for the server: chooses the signing credentials from configuration (the operator's
 * PEM chain and key, or a development chain generated once into the data directory) and marks each finished result
 * through {@link io.faceswap.provenance.Provenance}.
 * <p>
 * Depends on io.faceswap.provenance (the format) and io.faceswap.config (the data directory); nothing else of the
 * application depends on it but the steps that write results.
 */
package io.faceswap.credentials;
