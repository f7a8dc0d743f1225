/**
 * The batch layer: runs each task as the {@code faceswap} Jakarta Batch job (fetch, partitioned swap with frame
 * checkpoints, assemble, finish), dispatches queued tasks within the running limit, and restarts jobs a crash cut
 * short. Adapts the engine ({@code swap}) and the downloader ({@code media}) to batch artifacts.
 * <p>
 * Depends on {@code task}, {@code swap}, {@code media}, {@code config}; nothing depends on it.
 */
package io.faceswap.batch;
