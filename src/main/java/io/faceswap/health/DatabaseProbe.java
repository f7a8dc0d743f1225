package io.faceswap.health;

import io.faceswap.config.StoppableSchedule;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the database answers, as a cached state that costs callers nothing: a background check every
 * {@code clipzap.db.probe-millis} asks it ({@code SELECT 1} on a pooled connection), and a check still unanswered after
 * {@code clipzap.db.probe-timeout-millis} counts as down at once, whatever the driver's own timeouts then do. So
 * /health, the request gate and the background work never wait on a frozen database themselves. Logs one WARN when
 * the database becomes unreachable and one INFO, with the outage's length, when it is back. A probe's failing query
 * also makes the pool drop its broken connections (the datasource's exception sorter and flush strategy), so the
 * first requests after a restart find fresh ones.
 */
@ApplicationScoped
public class DatabaseProbe {
    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clipzap.db.probe-millis")
    long probeMillis;

    @Inject
    @ConfigProperty(name = "clipzap.db.probe-timeout-millis")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "clipzap.db.retry-after-seconds")
    long retryAfterSeconds;

    private final Outages outages = new Outages();
    private volatile boolean up;
    private volatile boolean answered;
    private volatile long checkingSinceNanos; // 0: no check in flight
    private volatile String lastFailure = "";
    private StoppableSchedule schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        probe(); // the first answer before the application takes calls: it never answers 503 for want of one
        schedule = new StoppableSchedule(scheduler);
        schedule.every(this::probe, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.stop();
        }
    }

    /** Reachable as of the last check, and no check has been waiting longer than the timeout. Never blocks. */
    public boolean databaseUp() {
        long since = checkingSinceNanos;
        if (since != 0 && System.nanoTime() - since > timeoutMillis * 1_000_000L) {
            observe(false, "no answer within " + timeoutMillis + " ms");
            return false;
        }
        return answered && up;
    }

    /** The seconds a caller told 503 should wait before trying again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** How long, within {@code [from, to]}, this node found the database unreachable. */
    public Duration unavailableBetween(Instant from, Instant to) {
        return outages.within(from, to);
    }

    /**
     * Waits, up to {@code limit}, for the database to be reachable; true if it is. For background work that would
     * rather pause through a short outage than fail.
     */
    public boolean awaitUp(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!databaseUp()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(Math.max(50, probeMillis / 2)); // the state changes once per probe
        }
        return true;
    }

    private void probe() {
        checkingSinceNanos = System.nanoTime();
        String failure;
        try {
            failure = check();
            if (failure != null && System.nanoTime() - checkingSinceNanos < timeoutMillis * 1_000_000L) {
                // once more at once: after a restart the first try meets a dead pooled connection, and its failure
                // has just made the pool drop the idle ones, so the second gets a fresh connection
                failure = check();
            }
        } finally {
            checkingSinceNanos = 0;
        }
        observe(failure == null, failure);
        answered = true;
    }

    /**
     * Null when the database answered; else why not. A query rather than {@code isValid}: the driver's isValid
     * swallows the error, and the pool only drops a broken connection when it sees one. The driver's socket timeout
     * bounds it; callers do not wait for that (see {@link #databaseUp}).
     */
    private String check() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return null;
        } catch (SQLException | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private void observe(boolean reachable, String failure) {
        if (!reachable) {
            lastFailure = String.valueOf(failure);
        }
        up = reachable;
        switch (outages.observe(reachable, clock.instant())) {
            case WENT_DOWN ->
                LOG.warning(() -> "Database unreachable (" + lastFailure
                        + "); requests are answered 503 and background work waits until it is back");
            case CAME_BACK ->
                LOG.info(() -> "Database reachable again after an outage of "
                        + String.format("%.1f", outages.lastOutage().toMillis() / 1000.0) + " s");
            case NONE -> {
                // no change
            }
        }
    }
}
