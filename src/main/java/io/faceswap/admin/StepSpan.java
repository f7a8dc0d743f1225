package io.faceswap.admin;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * When a step ran, as the admin view shows it. JBeret's own times cannot be taken as they are: it restamps a
 * partitioned step's start when its partitions end, and its in-memory copy (which the job operator returns while
 * its cache holds the execution) keeps that stamp where the stored row keeps the real one. So a step's interval is:
 * the one its run recorded ({@code StepTimingListener}: an ISO-8601 {@code <start>/<end>} as persistent user data);
 * else JBeret's, where a missing or not-earlier start becomes the previous step's end (steps run one after another)
 * and an ended step's missing end becomes the next step's start.
 */
record StepSpan(Instant start, Instant end) {

    /**
     * @param before the previous step's end, or for the first step the execution's start
     * @param after  the next step's start, or for the last step the execution's end
     */
    static StepSpan of(StepExecution step, Instant executionStart, Instant before, Instant after) {
        StepSpan recorded = recorded(step.getPersistentUserData(), executionStart);
        if (recorded != null) {
            return recorded;
        }
        Instant start = instant(step.getStartTime());
        Instant end = instant(step.getEndTime());
        if (end == null && ended(step.getBatchStatus())) {
            end = after;
        }
        if ((start == null || end != null && !start.isBefore(end))
                && before != null
                && (end == null || before.isBefore(end))) {
            start = before;
        }
        return new StepSpan(start, end);
    }

    /** Items a second over this span; none unless it has a length (an invented length would invent the figure). */
    Double perSecond(long items) {
        return start != null && end != null && start.isBefore(end)
                ? items * 1e9 / Duration.between(start, end).toNanos()
                : null;
    }

    private static StepSpan recorded(Serializable data, Instant executionStart) {
        if (!(data instanceof String text) || text.indexOf('/') < 0) {
            return null;
        }
        try {
            Instant start = Instant.parse(text.substring(0, text.indexOf('/')));
            Instant end = Instant.parse(text.substring(text.indexOf('/') + 1));
            // a restarted step inherits the previous run's user data until its own run records over it
            boolean thisRun = executionStart == null || !start.isBefore(executionStart);
            return thisRun && start.isBefore(end) ? new StepSpan(start, end) : null;
        } catch (DateTimeParseException e) {
            return null; // not a recorded interval: JBeret's times stand
        }
    }

    private static boolean ended(BatchStatus status) {
        return status == BatchStatus.COMPLETED
                || status == BatchStatus.FAILED
                || status == BatchStatus.STOPPED
                || status == BatchStatus.ABANDONED;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
