package io.faceswap.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached (the server is down, frozen, restarting, or the pool
 * could not hand out a connection in time), as opposed to a fault of the request or a bug. Those become 503 with
 * Retry-After for callers and a pause, not an error, for background work. Judged on the whole cause chain, since
 * JPA, JTA and the pool each wrap the driver's exception in their own.
 */
public final class DatabaseFaults {
    /** Class names, so that no Hibernate, IronJacamar or JCA type is needed at compile time. */
    private static final Set<String> CONNECTION_CLASSES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "jakarta.resource.ResourceException", // the pool: no connection within the blocking timeout
            // a commit whose outcome is in doubt: the transaction manager lost the (one, local) resource during
            // the commit, which on these datasources means its connection broke mid-commit. The work is done again
            // from its checkpoint, which tolerates a commit that did land after all.
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException");

    private DatabaseFaults() {}

    public static boolean isConnectionFault(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (CONNECTION_CLASSES.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception); 57P01-57P03 (PostgreSQL: terminated by an administrator, crash
     * shutdown, cannot connect now, as during a restart); 53300 (too many connections).
     */
    public static boolean connectionState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("53300"));
    }
}
