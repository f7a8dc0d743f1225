package io.faceswap.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.faceswap.admin.AdminExecutionResource.StepView;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which times the admin view shows for a step, and the swap's frame rate from them. */
class StepViewsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private static List<StepView> views(Instant executionEnd, StepExecution... steps) {
        return StepViews.of(List.of(steps), T0, executionEnd, id -> List.of());
    }

    @Test
    void theIntervalTheRunRecordedWinsOverJBeretsRestampedStart() {
        List<StepView> v = views(
                at(1000),
                step(1, "fetch", at(5), at(100), null),
                // JBeret: start restamped 1 ms before the end; the listener saw 800 ms of work
                step(2, "swap", at(899), at(900), at(100) + "/" + at(900)).frames(40),
                step(3, "assemble", at(901), at(990), null));
        assertEquals(at(100), v.get(1).startTime());
        assertEquals(at(900), v.get(1).endTime());
        assertEquals(50.0, v.get(1).framesPerSecond(), 1e-9);
        assertNull(v.get(0).framesPerSecond(), "only the swap has a frame rate");
    }

    @Test
    void withoutARecordedIntervalAStartNotBeforeItsEndIsThePreviousStepsEnd() {
        List<StepView> v = views(
                at(1000),
                step(1, "fetch", at(5), at(100), null),
                step(2, "swap", at(900), at(900), null).frames(40));
        assertEquals(at(100), v.get(1).startTime());
        assertEquals(50.0, v.get(1).framesPerSecond(), 1e-9);

        List<StepView> first =
                views(at(1000), step(1, "swap", null, at(400), null).frames(40));
        assertEquals(T0, first.get(0).startTime(), "the first step starts with its execution");
        assertEquals(100.0, first.get(0).framesPerSecond(), 1e-9);
    }

    @Test
    void anEndedStepWithoutAnEndEndsWhenTheNextStepStartsOrTheExecutionEnds() {
        List<StepView> v = views(
                at(1000), step(1, "swap", at(100), null, null).frames(40), step(2, "assemble", at(500), null, null));
        assertEquals(at(500), v.get(0).endTime());
        assertEquals(100.0, v.get(0).framesPerSecond(), 1e-9);
        assertEquals(at(1000), v.get(1).endTime());
    }

    @Test
    void aRunningStepHasNoEndAndNoRate() {
        List<StepView> v = views(
                null,
                step(1, "fetch", at(5), at(100), null),
                step(2, "swap", at(101), null, null).status(BatchStatus.STARTED).frames(30));
        assertEquals(at(101), v.get(1).startTime());
        assertNull(v.get(1).endTime());
        assertNull(v.get(1).framesPerSecond());
    }

    @Test
    void aStepOfNoLengthHasNoRateRatherThanAnInventedOne() {
        List<StepView> v = views(at(1000), step(1, "swap", at(0), at(0), null).frames(40));
        assertEquals(at(0), v.get(0).startTime());
        assertNull(v.get(0).framesPerSecond());
    }

    @Test
    void userDataThatIsNoIntervalOfThisRunIsIgnored() {
        // inherited from the run a restart resumes: it began before this execution did
        String previousRun = T0.minusSeconds(60) + "/" + T0.minusSeconds(50);
        for (Serializable data : new Serializable[] {previousRun, "not/times", "plain", 42L, at(500) + "/" + at(200)}) {
            List<StepView> v = views(
                    at(1000),
                    step(1, "fetch", at(5), at(100), null),
                    step(2, "swap", at(900), at(900), data).frames(40));
            assertEquals(at(100), v.get(1).startTime(), String.valueOf(data));
            assertEquals(at(900), v.get(1).endTime(), String.valueOf(data));
        }
    }

    private static FakeStep step(long id, String name, Instant start, Instant end, Serializable userData) {
        return new FakeStep(id, name, start, end, userData);
    }

    /** A step execution as the job operator returns it; only what the view reads. */
    private static final class FakeStep implements StepExecution {
        private final long id;
        private final String name;
        private final Date start;
        private final Date end;
        private final Serializable userData;
        private BatchStatus status = BatchStatus.COMPLETED;
        private long frames;

        FakeStep(long id, String name, Instant start, Instant end, Serializable userData) {
            this.id = id;
            this.name = name;
            this.start = start == null ? null : Date.from(start);
            this.end = end == null ? null : Date.from(end);
            this.userData = userData;
        }

        FakeStep frames(long written) {
            frames = written;
            return this;
        }

        FakeStep status(BatchStatus s) {
            status = s;
            return this;
        }

        @Override
        public long getStepExecutionId() {
            return id;
        }

        @Override
        public String getStepName() {
            return name;
        }

        @Override
        public BatchStatus getBatchStatus() {
            return status;
        }

        @Override
        public Date getStartTime() {
            return start;
        }

        @Override
        public Date getEndTime() {
            return end;
        }

        @Override
        public String getExitStatus() {
            return status.name();
        }

        @Override
        public Serializable getPersistentUserData() {
            return userData;
        }

        @Override
        public Metric[] getMetrics() {
            return new Metric[] {
                new Metric() {
                    @Override
                    public MetricType getType() {
                        return MetricType.WRITE_COUNT;
                    }

                    @Override
                    public long getValue() {
                        return frames;
                    }
                }
            };
        }
    }
}
