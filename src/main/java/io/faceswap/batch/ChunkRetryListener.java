package io.faceswap.batch;

import io.faceswap.api.DatabaseFaults;
import io.faceswap.health.DatabaseProbe;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.RetryWriteListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a chunk whose write or commit failed is done again in place (JBeret's retry: the chunk is rolled
 * back, its frames are read again from the last checkpoint and written one at a time, then chunks go on as before).
 * Only for a broken database connection: the exception classes the job XML lists as retryable (a commit's
 * RollbackException, JBeret's own repository errors) are too coarse alone, so anything whose cause chain is not a
 * connection fault is thrown again and fails the partition as before. The retry waits for the database first
 * (a short pause at least, at most {@code clipzap.tasks.outage-wait-seconds}); if it stays away, the run ends and
 * the task is resumed from its checkpoints when it is back. Nor is a chunk retried for a task this node no longer
 * holds ({@link LeaseKeeper#awaitHeld}).
 */
@Named
@Dependent
public class ChunkRetryListener implements RetryWriteListener {
    private static final Logger LOG = Logger.getLogger(ChunkRetryListener.class.getName());
    /** Lets a pool that just met the fault drop its dead connections before the chunk asks for one again. */
    private static final long PAUSE_MILLIS = 250;

    @Inject
    @BatchProperty(name = "taskId")
    String taskId;

    @Inject
    DatabaseProbe database;

    @Inject
    LeaseKeeper leases;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.outage-wait-seconds")
    long outageWaitSeconds;

    @Override
    public void onRetryWriteException(List<Object> items, Exception error) throws Exception {
        if (!DatabaseFaults.isConnectionFault(error)) {
            throw error;
        }
        TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        if (!database.awaitUp(Duration.ofSeconds(outageWaitSeconds))) {
            throw error;
        }
        // an outage longer than the lease: another node may have taken the task over (and finished it, its inputs
        // gone); then this run stops here, before reading anything again
        leases.awaitHeld(taskId);
        LOG.info(() -> "Task " + taskId + ": a chunk of " + items.size() + " frames lost its database connection ("
                + error.getClass().getSimpleName() + "); doing it again in place");
    }
}
