/**
 * The face-swap engine: plain Java over JavaCV (OpenCV, FFmpeg). Decodes video, finds faces and landmarks, swaps the
 * face of a photo onto them, encodes segments and assembles them with the original audio.
 * <p>
 * Must not depend on Jakarta EE, MicroProfile or any other package of this application: the batch layer adapts it,
 * and its tests run without a server.
 */
package io.faceswap.swap;
