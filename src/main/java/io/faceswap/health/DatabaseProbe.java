package io.faceswap.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database answers, asked at most once per {@code clipzap.health.cache-millis} (1 s): load balancers
 * poll /health often, and a connection checkout plus a round trip per poll would make the probe itself a load.
 * While one thread re-checks, the others answer with the previous result instead of queueing behind it, so a
 * hanging database slows one probe, not all of them.
 */
@ApplicationScoped
public class DatabaseProbe {
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "clipzap.health.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private final ReentrantLock checking = new ReentrantLock();
    private volatile Result last;

    private record Result(boolean up, long atNanos) {}

    public boolean databaseUp() {
        Result current = last;
        if (current != null && System.nanoTime() - current.atNanos() < cacheMillis * 1_000_000L) {
            return current.up();
        }
        if (current != null && !checking.tryLock()) {
            return current.up(); // another thread is checking right now
        }
        if (current == null) {
            checking.lock(); // the very first answer: everyone waits for it
        }
        try {
            Result fresh = last;
            if (fresh != current && fresh != null) {
                return fresh.up(); // checked while this thread waited
            }
            boolean up = check();
            last = new Result(up, System.nanoTime());
            return up;
        } finally {
            checking.unlock();
        }
    }

    private boolean check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false; // not ready is the answer, not an error of this request
        }
    }
}
