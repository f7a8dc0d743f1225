/**
 * The batch layer: runs each task as the {@code faceswap} Jakarta Batch job (fetch, partitioned swap with frame
 * checkpoints, assemble, finish), dispatches queued tasks fairly within the running limits, keeps the leases of the
 * tasks it runs, and takes over tasks whose node was lost (restarting their jobs from their checkpoints). Adapts the
 * engine ({@code swap}) and the downloader ({@code media}) to batch artifacts.
 * <p>
 * Depends on {@code task}, {@code swap}, {@code media}, {@code config}, {@code health} (the database probe: work
 * pauses through an outage, and an outage's time does not count against a task's budget); nothing depends on it.
 */
package io.faceswap.batch;
