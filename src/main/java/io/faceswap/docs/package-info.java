/** The API's documentation: the OpenAPI error-code table and Swagger UI. Depends only on {@code api}. */
package io.faceswap.docs;
