package io.faceswap.dbpool;

import io.faceswap.api.DatabaseFaults;
import java.sql.SQLException;
import org.jboss.jca.adapters.jdbc.spi.ExceptionSorter;

/**
 * Tells the pool which errors leave a connection unusable, so it destroys that connection (and, by the flush
 * strategy, the idle ones beside it) at once. IronJacamar's PostgreSQLExceptionSorter judges only SQLSTATE 08006;
 * after a restart PostgreSQL's connections fail with 57P01 ("terminating connection due to administrator command")
 * and then 08003 ("This connection has been closed"), which it keeps handing out. This one takes the whole
 * connection class 08 and PostgreSQL's shutdown codes, the same rule that maps such failures to 503.
 */
public class ConnectionFaultSorter implements ExceptionSorter {
    @Override
    public boolean isExceptionFatal(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (DatabaseFaults.connectionState(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
