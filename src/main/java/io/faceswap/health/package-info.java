/** Readiness endpoint. Depends only on {@code api} and the datasource. */
package io.faceswap.health;
