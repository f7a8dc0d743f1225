package io.faceswap.config;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work of one bean on the server's managed scheduler that ends with its deployment: runs one at a time,
 * and {@link #stop} (from the bean's {@code @PreDestroy}) cancels the schedule and waits for a run in flight.
 * The scheduler's threads are the server's, not the deployment's: a run still inside a transaction when the
 * application's beans went away could not end it, and the transaction, with the row locks of a task claim, stayed
 * on that thread until the transaction reaper rolled it back five minutes later; the next deployment claimed
 * nothing until then (seen once in CI: TaskFlowIT on PostgreSQL, right after RaceIT's undeploy). Work a run hands
 * to other threads ({@link #handOff}) is waited for too. {@link #guarded} is how every background worker runs a
 * step that may fail without stopping the others.
 */
public final class StoppableSchedule {
    private final ManagedScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();
    private final Object running = new Object();
    private final Object handedOff = new Object();
    private int inFlight; // guarded by handedOff
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

    /**
     * Runs {@code work} on {@code executor}, counted until it ends, so that {@link #stop} waits for it as for a run.
     * Refused (false, nothing run) once stopping.
     */
    public boolean handOff(Executor executor, Runnable work) {
        synchronized (handedOff) {
            if (stopping) {
                return false;
            }
            inFlight++;
        }
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } finally {
                    ended();
                }
            });
            return true;
        } catch (RuntimeException e) {
            ended();
            throw e;
        }
    }

    /** Work handed off and not yet ended. */
    public int handedOff() {
        synchronized (handedOff) {
            return inFlight;
        }
    }

    /**
     * Cancels what is scheduled, then waits for the run in flight, if any, to end, and for work handed off, at most
     * {@code handOffWait} (a send stuck on a slow peer is bounded by its own timeouts).
     */
    public void stop(long handOffWait, TimeUnit unit) {
        stopping = true;
        scheduled.forEach(f -> f.cancel(false));
        synchronized (running) {
            scheduled.clear(); // nothing runs now, and nothing starts: runs check the flag under this lock
        }
        long deadline = System.nanoTime() + unit.toNanos(handOffWait);
        synchronized (handedOff) {
            long left;
            while (inFlight > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(handedOff, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@link #stop(long, TimeUnit)} for a schedule that hands nothing off. */
    public void stop() {
        stop(0, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs one step of background work; a failure is logged and the caller carries on with its other steps. At FINE
     * when {@code expected} says so (an unreachable database: the probe reports the outage once), else SEVERE.
     */
    public static void guarded(
            Logger log, String what, Runnable work, java.util.function.Predicate<Throwable> expected) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.log(expected.test(e) ? Level.FINE : Level.SEVERE, what + " failed; carrying on", e);
        }
    }

    private void ended() {
        synchronized (handedOff) {
            inFlight--;
            handedOff.notifyAll();
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
