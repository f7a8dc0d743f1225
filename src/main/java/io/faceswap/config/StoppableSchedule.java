package io.faceswap.config;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Background work of one bean on the server's managed scheduler that ends with its deployment: runs one at a time,
 * and {@link #stop} (from the bean's {@code @PreDestroy}) cancels the schedule and waits for a run in flight.
 * The scheduler's threads are the server's, not the deployment's: a run still inside a transaction when the
 * application's beans went away could not end it, and the transaction, with the row locks of a task claim, stayed
 * on that thread until the transaction reaper rolled it back five minutes later; the next deployment claimed
 * nothing until then (seen once in CI: TaskFlowIT on PostgreSQL, right after RaceIT's undeploy).
 */
public final class StoppableSchedule {
    private final ManagedScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
    private final Object running = new Object();
    private volatile boolean stopping;

    public StoppableSchedule(ManagedScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** {@code work} every {@code delay} after the previous run ended, the first after {@code initial}. */
    public void every(Runnable work, long initial, long delay, TimeUnit unit) {
        scheduled.add(scheduler.scheduleWithFixedDelay(() -> run(work), initial, delay, unit));
    }

    /** {@code work} once, soon, off the caller's thread (unless stopping). */
    public void soon(Runnable work) {
        if (!stopping) {
            scheduler.execute(() -> run(work));
        }
    }

    /** True once {@link #stop} began: long runs check it between steps. */
    public boolean stopping() {
        return stopping;
    }

    /** Cancels what is scheduled, then waits for the run in flight, if any, to end. */
    public void stop() {
        stopping = true;
        scheduled.forEach(f -> f.cancel(false));
        synchronized (running) {
            scheduled.clear(); // nothing runs now, and nothing starts: runs check the flag under this lock
        }
    }

    private void run(Runnable work) {
        synchronized (running) {
            if (!stopping) {
                work.run();
            }
        }
    }
}
