package io.faceswap.batch;

import io.faceswap.config.Heartbeats;
import io.faceswap.config.NodeIdentity;
import io.faceswap.health.DatabaseProbe;
import io.faceswap.task.LeaseLostException;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tasks whose jobs run in this JVM, and the heartbeat that renews their leases between chunks (a fetch or an
 * assembly can outlast a lease). Chunks renew the lease themselves as they commit.
 * <p>
 * It also fences this node's writes. Each task's lease is known to be held until a time counted on this JVM's own
 * clock from the start of the last renewal that succeeded, less a margin of a quarter lease (for the other nodes'
 * clocks and for the write that follows the check). A run writes a file only while that holds
 * ({@link #awaitHeld}); after it, for instance when this node was cut off from the database longer than a lease and
 * another node may have taken the task over, the run first waits for the database and renews, and stops
 * ({@link LeaseLostException}) if the task is no longer its own. So a node that comes back never writes over the
 * work of the node that took its tasks over.
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

    @Inject
    TaskSettings settings;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.outage-wait-seconds")
    long outageWaitSeconds;

    /** Task id -> System.nanoTime() until which its lease is surely this node's. */
    private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    void started(String taskId) {
        running.add(taskId);
    }

    void ended(String taskId) {
        running.remove(taskId);
        heldUntil.remove(taskId);
    }

    /** Whether a job of this task runs in this JVM now. */
    boolean runsHere(String taskId) {
        return running.contains(taskId);
    }

    /** A write that set the task's lease in the database, begun at {@code sinceNanos}, committed. */
    void renewed(String taskId, long sinceNanos) {
        Duration lease = settings.lease();
        long until = sinceNanos + lease.toNanos() - lease.toNanos() / 4;
        heldUntil.merge(taskId, until, (a, b) -> b - a > 0 ? b : a);
    }

    /**
     * Returns when this node may write the task's files: at once while its lease surely holds; else after the
     * database answers again and a renewal succeeds. Throws {@link LeaseLostException} if another node holds the task
     * now, and IllegalStateException if the database stays out of reach for {@code clipzap.tasks.outage-wait-seconds}.
     */
    void awaitHeld(String taskId) throws InterruptedException {
        Long until = heldUntil.get(taskId);
        if (until != null && until - System.nanoTime() > 0) {
            return;
        }
        if (!database.awaitUp(Duration.ofSeconds(outageWaitSeconds))) {
            throw new IllegalStateException("The database stayed unreachable for " + outageWaitSeconds + " s");
        }
        long since = System.nanoTime();
        if (!lifecycle.renewLeaseNow(taskId, node.id())) {
            LOG.info(() -> "Task " + taskId + ": no longer held by this node; its run here stops without writing");
            throw new LeaseLostException(taskId, node.id());
        }
        renewed(taskId, since);
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
            long since = System.nanoTime();
            int held = lifecycle.renewLeases(ids, node.id());
            if (held == ids.size()) {
                ids.forEach(id -> renewed(id, since));
            } else {
                LOG.warning(() -> (ids.size() - held) + " of " + ids.size()
                        + " tasks running here are no longer held by this node; their runs stop at the next chunk");
            }
        }
    }
}
