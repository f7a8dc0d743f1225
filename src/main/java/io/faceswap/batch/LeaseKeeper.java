package io.faceswap.batch;

import io.faceswap.config.Heartbeats;
import io.faceswap.config.NodeIdentity;
import io.faceswap.health.DatabaseProbe;
import io.faceswap.task.TaskLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The tasks whose jobs run in this JVM, and the heartbeat that renews their leases between chunks (a fetch or an
 * assembly can outlast a lease). Chunks renew the lease themselves as they commit.
 */
@ApplicationScoped
public class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    NodeIdentity node;

    @Inject
    DatabaseProbe database;

    @Inject
    Heartbeats heartbeats;

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    void started(String taskId) {
        running.add(taskId);
    }

    void ended(String taskId) {
        running.remove(taskId);
    }

    /** Whether a job of this task runs in this JVM now. */
    boolean runsHere(String taskId) {
        return running.contains(taskId);
    }

    /**
     * One heartbeat: extends the lease of every task running here. Skipped while the database is unreachable (the
     * leases are renewed on the first beat after it is back; until then the dispatcher does not take over tasks
     * that still run here, see {@link LeaseReaper}).
     */
    void renew() {
        heartbeats.leaseKeeperTicked();
        List<String> ids = List.copyOf(running);
        if (!ids.isEmpty() && database.databaseUp()) {
            int held = lifecycle.renewLeases(ids, node.id());
            if (held < ids.size()) {
                LOG.warning(() -> (ids.size() - held) + " of " + ids.size()
                        + " tasks running here are no longer held by this node; their runs stop at the next chunk");
            }
        }
    }
}
