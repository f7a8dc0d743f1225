/**
 * The API's documentation: the OpenAPI error-code table, the {@code webhooks} section (the callback's contract),
 * what makes {@code /openapi} a contract a client is generated from (servers, error responses, stable schema names,
 * required properties, configured limits) and Swagger UI. Reads the feature packages' view records and settings;
 * nothing depends on it.
 */
package io.faceswap.docs;
