package io.faceswap.dbpool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** What the outage filter drops: connection-fault noise of the pool, JBeret and the transaction manager only. */
class OutageLogFilterTest {
    private final OutageLogFilter filter = new OutageLogFilter();

    private static LogRecord record(String logger, Level level, String message, Throwable thrown) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        r.setThrown(thrown);
        return r;
    }

    private static Throwable closedConnection() {
        return new RuntimeException(
                "LocalResourceException: This connection has been closed.",
                new SQLException("This connection has been closed.", "08003"));
    }

    @Test
    void aCommitThatLostItsConnectionIsNoise() {
        assertFalse(filter.isLoggable(record(
                "com.arjuna.ats.jta",
                Level.WARNING,
                "ARJUNA016031: XAOnePhaseResource.rollback for < ... > failed with exception",
                closedConnection())));
        assertFalse(filter.isLoggable(record(
                "com.arjuna.ats.arjuna",
                Level.WARNING,
                "ARJUNA012091: Top-level abort of action 0:ffff7f000001 received TwoPhaseOutcome.FINISH_ERROR from "
                        + "com.arjuna.ats.internal.arjuna.abstractrecords.LastResourceRecord",
                null)));
        assertFalse(filter.isLoggable(record(
                "com.arjuna.ats.arjuna",
                Level.WARNING,
                "ARJUNA012084: One-phase commit of action 0:ffff7f000001:570f84c4:6b16add1:f8 received heuristic "
                        + "decision: TwoPhaseOutcome.HEURISTIC_MIXED",
                null)));
    }

    @Test
    void aCommitThatFailedForAnotherReasonStaysLoud() {
        assertTrue(filter.isLoggable(record(
                "com.arjuna.ats.jta",
                Level.WARNING,
                "ARJUNA016031: XAOnePhaseResource.rollback for < ... > failed with exception",
                new RuntimeException("constraint", new SQLException("duplicate key", "23505")))));
        assertTrue(filter.isLoggable(
                record("com.arjuna.ats.arjuna", Level.WARNING, "ARJUNA012117: a timeout, not an outage", null)));
    }

    @Test
    void theApplicationsOwnLinesAreNeverDropped() {
        assertTrue(filter.isLoggable(record(
                "io.faceswap.batch.FailureClassifier",
                Level.SEVERE,
                "Task x failed unexpectedly",
                closedConnection())));
        assertTrue(filter.isLoggable(
                record("com.arjuna.ats.jta", Level.INFO, "ARJUNA012091: informational", closedConnection())));
    }

    /** Stands in for the application's exception, which this module finds by class name. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException() {
            super("Task 0123 is no longer held by node n1");
        }
    }

    @Test
    void aRunStoppedBecauseAnotherNodeTookItsTaskIsNotAnError() throws Exception {
        // the application's class has this name; a nested test class cannot, so its name is checked as well
        assertTrue(filter.isLoggable(
                record("org.jberet", Level.SEVERE, "JBERET000007: Failed to run job", new LeaseLostException())));
        Throwable applications = (Throwable) Class.forName("io.faceswap.task.LeaseLostException")
                .getConstructor(String.class, String.class)
                .newInstance("0123", "n1");
        assertFalse(filter.isLoggable(record(
                "org.jberet", Level.SEVERE, "JBERET000007: Failed to run job", new RuntimeException(applications))));
        assertTrue(filter.isLoggable(
                record("io.faceswap.batch.Anything", Level.SEVERE, "an application error", applications)));
    }

    @Test
    void aStatementAfterItsTransactionsConnectionFailedIsNoise() {
        assertFalse(filter.isLoggable(record(
                "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
                Level.SEVERE,
                "IJ031070: Transaction cannot proceed: STATUS_MARKED_ROLLBACK",
                null)));
        assertTrue(filter.isLoggable(record(
                "io.faceswap.task.TaskLifecycle",
                Level.SEVERE,
                "IJ031070: Transaction cannot proceed: STATUS_MARKED_ROLLBACK",
                null)));
    }
}
