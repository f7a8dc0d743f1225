package io.faceswap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoppableScheduleTest {
    /** The server's scheduler stands in as a plain JDK one: one thread, so work runs in the order given. */
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

    private final ManagedScheduledExecutorService scheduler = managed(executor);

    /** The calls StoppableSchedule makes (execute, scheduleWithFixedDelay) go to the JDK executor. */
    private static ManagedScheduledExecutorService managed(ScheduledThreadPoolExecutor executor) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                StoppableScheduleTest.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    try {
                        return ScheduledThreadPoolExecutor.class
                                .getMethod(method.getName(), method.getParameterTypes())
                                .invoke(executor, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void stopWaitsForTheRunInFlightAndNothingRunsAfterIt() throws Exception {
        StoppableSchedule schedule = new StoppableSchedule(scheduler);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        schedule.every(
                () -> {
                    runs.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS); // a tick inside its transaction
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ended.set(true);
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        assertTrue(started.await(10, TimeUnit.SECONDS));

        AtomicBoolean stopReturnedBeforeTheRunEnded = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            schedule.stop();
            stopReturnedBeforeTheRunEnded.set(!ended.get());
        });
        stopper.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stopper.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until stop() waits on the run's lock
        }
        assertEquals(Thread.State.BLOCKED, stopper.getState(), "stop() waits for the run in flight");
        assertTrue(schedule.stopping());
        release.countDown();
        stopper.join(10_000);
        assertFalse(stopper.isAlive());
        assertFalse(stopReturnedBeforeTheRunEnded.get());

        AtomicInteger late = new AtomicInteger();
        schedule.soon(late::incrementAndGet);
        executor.submit(() -> {}).get(10, TimeUnit.SECONDS); // everything queued before this has run
        assertEquals(0, late.get(), "nothing runs once stopped");
        assertEquals(1, runs.get(), "the periodic run was cancelled");
    }

    @Test
    void runsAreOneAtATime() throws Exception {
        ScheduledThreadPoolExecutor wide = new ScheduledThreadPoolExecutor(4);
        try {
            StoppableSchedule schedule = new StoppableSchedule(managed(wide));
            AtomicInteger inside = new AtomicInteger(), most = new AtomicInteger(), done = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(40);
            for (int i = 0; i < 40; i++) {
                schedule.soon(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    for (int spin = 0; spin < 10_000; spin++) {
                        Thread.onSpinWait();
                    }
                    inside.decrementAndGet();
                    done.incrementAndGet();
                    all.countDown();
                });
            }
            assertTrue(all.await(10, TimeUnit.SECONDS));
            assertEquals(40, done.get());
            assertEquals(1, most.get());
        } finally {
            wide.shutdownNow();
        }
    }

    @Test
    void stopWaitsForHandedOffWorkAndRefusesMore() throws Exception {
        StoppableSchedule schedule = new StoppableSchedule(scheduler);
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            AtomicBoolean ended = new AtomicBoolean();
            assertTrue(schedule.handOff(workers, () -> {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // a webhook send on a slow peer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ended.set(true);
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(1, schedule.handedOff());
            Thread stopper = new Thread(() -> schedule.stop(10, TimeUnit.SECONDS));
            stopper.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stopper.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until stop() waits for the send
            }
            assertEquals(Thread.State.TIMED_WAITING, stopper.getState(), "stop() waits for the handed-off send");
            assertFalse(schedule.handOff(workers, () -> {}), "nothing new is handed off while stopping");
            release.countDown();
            stopper.join(10_000);
            assertFalse(stopper.isAlive());
            assertTrue(ended.get(), "stop() returned after the send ended");
            assertEquals(0, schedule.handedOff());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void stopGivesUpOnHandedOffWorkAfterItsWait() throws Exception {
        StoppableSchedule schedule = new StoppableSchedule(scheduler);
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            schedule.handOff(workers, () -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long start = System.nanoTime();
            schedule.stop(200, TimeUnit.MILLISECONDS);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 150 && waited < 5000, "waited " + waited + " ms");
            assertEquals(1, schedule.handedOff());
        } finally {
            release.countDown();
            workers.shutdownNow();
        }
    }
}
