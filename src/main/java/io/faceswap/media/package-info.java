/**
 * Fetching media from clients' URLs safely: scheme and address checks after DNS resolution and at every redirect,
 * size caps while streaming, timeouts.
 * <p>
 * Plain Java; must not depend on Jakarta EE or any other application package.
 */
package io.faceswap.media;
