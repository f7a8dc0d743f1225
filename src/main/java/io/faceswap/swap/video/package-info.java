/**
 * Video in and out: probing (exact frame counts, limits), frame-accurate reading from any frame, encoding blocks of
 * frames as H.264 segments, and assembling segments with the original audio by copying packets.
 * <p>
 * Plain Java over JavaCV/FFmpeg; must not depend on Jakarta EE or any application package but
 * {@code io.faceswap.swap}.
 */
package io.faceswap.swap.video;
