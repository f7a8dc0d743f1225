package io.faceswap.batch;

/**
 * A chunk's write that failed because its database connection broke (the server restarted, the connection was
 * killed or went stale). Retryable in the job XML: JBeret rolls the chunk back and does it again in place, once
 * {@link ChunkRetryListener} has waited for the database.
 */
public class TransientDatabaseFault extends RuntimeException {
    public TransientDatabaseFault(String taskId, Throwable cause) {
        super("Task " + taskId + ": a chunk's write lost its database connection", cause);
    }
}
