/**
 * The API's documentation: the OpenAPI error-code table, the {@code webhooks} section (the callback's contract) and
 * Swagger UI. Depends only on {@code api}.
 */
package io.faceswap.docs;
