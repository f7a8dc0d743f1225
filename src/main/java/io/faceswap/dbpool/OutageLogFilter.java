package io.faceswap.dbpool;

import io.faceswap.api.DatabaseFaults;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps the server's log readable through a database outage: the application's probe logs one WARN when the
 * database goes and one INFO when it is back, and this filter (on the log handlers) drops the WARN/ERROR records
 * that the pool, Hibernate and JBeret write for each connection that fails meanwhile, dozens per outage. It drops
 * only records of those categories caused by a connection fault (by the exception's cause chain, or by the fault's
 * codes in a message that carries no exception): never the application's own, and never the server's boot
 * failures (a datasource or job repository that cannot start must stay loud). It also drops JBeret's error for a
 * run that stopped because another node took its task over ({@link #fenced}).
 */
public class OutageLogFilter implements Filter {
    /** Where the per-connection noise comes from: the pool, Hibernate's SQL error lines, JBeret and its threads. */
    private static final List<String> NOISY = List.of(
            "org.jboss.jca.",
            "org.hibernate.engine.jdbc.spi.SqlExceptionHelper",
            "org.jberet",
            "org.jboss.threads.errors",
            // the transaction manager, when a commit's connection dies under it (a chunk in flight at the freeze)
            "com.arjuna.ats.");

    private static final List<String> MARKERS = List.of(
            "IJ000453", // unable to get managed connection
            "IJ031084", // unable to create connection
            "IJ000604", // throwable while attempting to get a new connection
            "IJ000305", // connection error occured
            "IJ030027", // destroying connection that is not valid
            "JBERET000622", // failed to obtain connection
            "SQLState: 08",
            "SQLState: 57P0",
            "SQLState: null", // Hibernate's line before a pool failure, which has no SQL state
            "I/O error occurred while sending to the backend",
            "This connection has been closed",
            "terminating connection due to administrator command",
            "the database system is",
            "Unable to acquire JDBC Connection",
            // a statement after its transaction's connection failed: the failure itself was the record to judge
            "IJ031070",
            // a one-phase resource's failed commit, after the resource's own WARN (which carries the exception and
            // is dropped only when that exception is a connection fault); it has no exception of its own
            "ARJUNA012091",
            // the same, when the failed commit left its outcome in doubt (a heuristic decision): the caller gets a
            // HeuristicMixedException, which the application treats as the outage it is
            "ARJUNA012084");
    /**
     * JBeret's dumps before every chunk failure (the failure's own line follows), and its warning on every restart
     * of a job whose later steps never ran, which is how a run cut short by an outage resumes.
     */
    private static final List<String> JBERET_NOISE = List.of("ProcessingInfo{", "item-count=", "JBERET000018");

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (record.getLevel().intValue() < Level.WARNING.intValue()
                || logger == null
                || NOISY.stream().noneMatch(logger::startsWith)) {
            return true;
        }
        if (DatabaseFaults.isConnectionFault(record.getThrown()) || fenced(record)) {
            return false;
        }
        String message = formatted(record);
        if (message == null) {
            return true;
        }
        boolean jberet = "org.jberet".equals(record.getLoggerName());
        return MARKERS.stream().noneMatch(message::contains)
                && !(jberet && JBERET_NOISE.stream().anyMatch(message::startsWith));
    }

    /**
     * JBeret's ERROR for a run stopped because its node no longer holds the task (it was cut off from the database
     * longer than a lease and another node took the task over): expected, and the application logs it at INFO. By
     * class name: this module cannot see the application's classes.
     */
    private static boolean fenced(LogRecord record) {
        if (!"org.jberet".equals(record.getLoggerName())) {
            return false;
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (LEASE_LOST.equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    private static final String LEASE_LOST = "io.faceswap.task.LeaseLostException";

    /**
     * The message as it is printed: JBoss LogManager's records format lazily ({@code getFormattedMessage}); a plain
     * record gets its parameters appended, which is enough to find the markers.
     */
    private static String formatted(LogRecord record) {
        try {
            return String.valueOf(
                    record.getClass().getMethod("getFormattedMessage").invoke(record));
        } catch (ReflectiveOperationException | RuntimeException notExtended) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            return text.toString();
        }
    }
}
