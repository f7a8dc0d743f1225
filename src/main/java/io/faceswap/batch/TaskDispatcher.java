package io.faceswap.batch;

import io.faceswap.api.DatabaseFaults;
import io.faceswap.config.Heartbeats;
import io.faceswap.config.NodeIdentity;
import io.faceswap.config.StoppableSchedule;
import io.faceswap.health.DatabaseProbe;
import io.faceswap.task.FaceSwapTask;
import io.faceswap.task.TaskClaims;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskEvents;
import io.faceswap.task.TaskLifecycle;
import io.faceswap.task.TaskQueries;
import io.faceswap.task.TaskSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each tick: takes over orphaned tasks (lapsed leases; at the first tick also this node's tasks from before its
 * restart), ends tasks over their time budget, then starts queued tasks while the cluster-wide and per-user limits allow. Wakes up when a task is queued
 * or ends, and polls as a safety net. Every tick and every task's start or takeover has its own guard: one failure
 * is logged and the rest go on, and the schedule never dies. While the database is unreachable ticks do nothing
 * (the probe logs the outage once); a tick that meets the outage before the probe does logs it at FINE.
 */
@ApplicationScoped
public class TaskDispatcher {
    private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());
    static final String JOB = "faceswap";

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    TaskClaims claims;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    TaskQueries queries;

    @Inject
    TaskSettings settings;

    @Inject
    LeaseReaper reaper;

    @Inject
    LeaseKeeper leases;

    @Inject
    TimeBudgetWatchdog watchdog;

    @Inject
    JobSettings jobs;

    @Inject
    NodeIdentity node;

    @Inject
    DatabaseProbe database;

    @Inject
    Heartbeats heartbeats;

    @Inject
    @ConfigProperty(name = "clipzap.tasks.poll-millis")
    long pollMillis;

    private boolean reclaimedOwn;

    @Inject
    FaceModels models;

    private boolean modelsReady;
    private StoppableSchedule schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        schedule = new StoppableSchedule(scheduler);
        schedule.every(this::dispatch, 100, pollMillis, TimeUnit.MILLISECONDS);
        long renew = settings.leaseRenewal().toMillis();
        schedule.every(() -> guarded("lease heartbeat", leases::renew), renew, renew, TimeUnit.MILLISECONDS);
        heartbeats.periods(Duration.ofMillis(pollMillis), settings.leaseRenewal());
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.stop(); // waits for a tick in flight: see StoppableSchedule
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Queued event) {
        wakeUp();
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Ended event) {
        wakeUp();
    }

    /** Dispatch soon, off the caller's thread. */
    public void wakeUp() {
        schedule.soon(this::dispatch);
    }

    /** Serialised within this server; across servers the claim's row lock and conditional updates do the same. */
    synchronized void dispatch() {
        heartbeats.dispatcherTicked();
        if (!modelsReady) { // before the first claim: a task would otherwise wait for them, or race to build them
            guarded("face model warm-up", models::ensureLoaded);
            modelsReady = true;
        }
        if (!database.databaseUp()) {
            return; // wait for it; the next tick after it is back goes on
        }
        guarded("dispatch", () -> {
            for (FaceSwapTask orphan : queries.orphans(reclaimedOwn ? null : node.id(), 20)) {
                guarded("takeover of task " + orphan.getId(), () -> reaper.takeOver(orphan));
            }
            reclaimedOwn = true;
            guarded("time budgets", watchdog::check);
            Optional<String> next;
            while (!schedule.stopping() && (next = claims.claimNext(node.id())).isPresent()) {
                String taskId = next.get();
                guarded("start of task " + taskId, () -> startJob(taskId));
            }
        });
    }

    private void startJob(String taskId) {
        leases.started(taskId);
        try {
            long execution = BatchRuntime.getJobOperator().start(JOB, jobs.jobParameters(taskId));
            LOG.fine(() -> "Task " + taskId + " started as job execution " + execution);
        } catch (RuntimeException e) {
            leases.ended(taskId);
            if (!DatabaseFaults.isConnectionFault(e)) { // else its lease lapses and a tick requeues it
                lifecycle.fail(taskId, TaskErrorCode.INTERNAL_ERROR, "The processing job could not start");
            }
            throw e;
        }
    }

    private static void guarded(String what, Runnable work) {
        StoppableSchedule.guarded(LOG, "Dispatcher: " + what, work, DatabaseFaults::isConnectionFault);
    }
}
