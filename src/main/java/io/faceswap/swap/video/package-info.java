/**
 * Video in and out: probing (exact frame counts, the frame-index-to-pts {@link io.faceswap.swap.video.FrameTimeline},
 * orientation, limits on size, length, frame rate and frame count), frame-accurate reading from any frame (constant
 * or variable rate) as upright BGR with the input's colour range and matrix (HDR tone-mapped to SDR), encoding blocks
 * of frames as H.264 segments, and assembling segments with the original audio by copying packets, each frame at its
 * input frame's time.
 * <p>
 * Every FFmpeg open goes through {@code MediaOpen}: a demuxer whitelist (mov/mp4, matroska/webm, avi, flv, mpegts) and
 * the {@code file} protocol only. FFmpeg's own logging is silenced, never routed through a callback.
 * <p>
 * Plain Java over JavaCV/FFmpeg; must not depend on Jakarta EE or any application package but
 * {@code io.faceswap.swap}.
 */
package io.faceswap.swap.video;
