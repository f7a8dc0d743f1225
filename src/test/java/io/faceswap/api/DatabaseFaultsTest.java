package io.faceswap.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as "the database could not be reached" (503 and a pause) rather than a bug or bad input. */
class DatabaseFaultsTest {

    @Test
    void connectionStatesAreFaultsWhereverTheyAreWrapped() {
        // PostgreSQL: socket timeout / I/O error, closed connection, admin shutdown, cannot connect now
        for (String state : new String[] {"08006", "08003", "08001", "57P01", "57P03", "53300"}) {
            SQLException driver = new SQLException("driver", state);
            assertTrue(DatabaseFaults.isConnectionFault(driver), state);
            assertTrue(
                    DatabaseFaults.isConnectionFault(
                            new RuntimeException("tx", new PersistenceException("jpa", driver))),
                    state + " wrapped");
        }
        assertTrue(DatabaseFaults.isConnectionFault(new SQLNonTransientConnectionException("gone")));
    }

    @Test
    void thePoolGivingUpIsAFault() {
        Exception pool = new jakarta.resource.ResourceException("IJ000655: No managed connections available");
        assertTrue(DatabaseFaults.isConnectionFault(new SQLException("IJ031012: Could not create connection", pool)));
    }

    @Test
    void ordinaryErrorsAreNot() {
        assertFalse(DatabaseFaults.isConnectionFault(new SQLIntegrityConstraintViolationException("dup", "23505")));
        assertFalse(DatabaseFaults.isConnectionFault(new PersistenceException("no state")));
        assertFalse(DatabaseFaults.isConnectionFault(new SQLException("syntax", "42601")));
        assertFalse(DatabaseFaults.isConnectionFault(new IllegalStateException("bug")));
        assertFalse(DatabaseFaults.isConnectionFault(null));
    }

    @Test
    void aCommitInDoubtIsAFault() {
        // Narayana's answer when a one-phase commit's connection broke under it (seen on a PostgreSQL restart)
        assertTrue(DatabaseFaults.isConnectionFault(new jakarta.transaction.HeuristicMixedException()));
        assertTrue(DatabaseFaults.isConnectionFault(
                new IllegalStateException("chunk", new jakarta.transaction.HeuristicRollbackException())));
        assertFalse(DatabaseFaults.isConnectionFault(new jakarta.transaction.RollbackException("marked rollback")));
    }
}
