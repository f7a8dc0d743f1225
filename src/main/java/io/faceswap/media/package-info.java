/**
 * Safe download of user-supplied media URLs: {@link io.faceswap.media.SafeMediaFetcher} fetches an http(s) URL to a
 * file while refusing internal and cloud-metadata addresses (SSRF), pinning the connection to the address it
 * validated (no DNS rebinding), following redirects by hand and capping size and time; {@link
 * io.faceswap.media.MediaSniffer} gives an early, magic-byte hint of whether a file is an image or a video.
 * <p>
 * Plain Java 17 only. Must not depend on Jakarta EE, MicroProfile or any other package of this application: a CDI
 * adapter elsewhere wires it in, and its tests run without a server.
 */
package io.faceswap.media;
