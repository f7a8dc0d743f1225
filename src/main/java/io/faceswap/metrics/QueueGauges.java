package io.faceswap.metrics;

import io.faceswap.config.Heartbeats;
import io.faceswap.config.NodeIdentity;
import io.faceswap.config.StoppableSchedule;
import io.faceswap.health.ReadinessChecks;
import io.faceswap.task.TaskStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gauges read from the database every {@code clipzap.metrics.sample-millis}: a scrape then costs no query, however
 * often Prometheus asks. The queue figures and the webhook backlog are the cluster's (every node reports the same
 * values: aggregate them with max, not sum); tasks running is this node's. When the database does not answer, the
 * gauges keep their last values and the readiness check reports the outage.
 */
@ApplicationScoped
public class QueueGauges {
    private static final Logger LOG = Logger.getLogger(QueueGauges.class.getName());
    private static final Integer QUERY_TIMEOUT_MILLIS = 2000;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    Meters meters;

    @Inject
    NodeIdentity node;

    @Inject
    Clock clock;

    @Inject
    Heartbeats heartbeats;

    @Inject
    ReadinessChecks readiness;

    @Inject
    @ConfigProperty(name = "clipzap.metrics.sample-millis")
    long sampleMillis;

    private volatile double queued;
    private volatile double oldestQueuedSeconds;
    private volatile double runningHere;
    private volatile double webhooksDue;
    private volatile double ready;
    private StoppableSchedule schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        meters.gauge("clipzap.queue.depth", "Tasks queued in the cluster", null, this, g -> g.queued);
        meters.gauge(
                "clipzap.queue.oldest.age",
                "Age of the oldest queued task in the cluster (0 when none)",
                "seconds",
                this,
                g -> g.oldestQueuedSeconds);
        meters.gauge("clipzap.tasks.running", "Tasks processing on this node", null, this, g -> g.runningHere);
        meters.gauge(
                "clipzap.webhook.backlog.due",
                "Webhook deliveries pending whose next attempt is due, in the cluster",
                null,
                this,
                g -> g.webhooksDue);
        meters.gauge(
                "clipzap.dispatcher.tick.age",
                "Time since this node's dispatcher last ticked",
                "seconds",
                heartbeats,
                h -> seconds(h.sinceDispatcherTick()));
        meters.gauge(
                "clipzap.ready",
                "1 when this node's readiness checks (database, storage, models, migrations) pass",
                null,
                this,
                g -> g.ready);
        meters.taskCreated(0); // the counter exists from the start, so rate() sees its first increase
        schedule = new StoppableSchedule(scheduler);
        schedule.every(this::sample, 0, sampleMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.stop();
        }
    }

    private void sample() {
        ready = readiness.ready() ? 1 : 0; // first: it says DOWN in bounded time when the database hangs
        try {
            Instant now = clock.instant();
            Object[] queue = em.createQuery(
                            "select count(t), min(t.createdAt) from FaceSwapTask t where t.status = :q", Object[].class)
                    .setParameter("q", TaskStatus.QUEUED)
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS)
                    .getSingleResult();
            long running = em.createQuery(
                            "select count(t) from FaceSwapTask t where t.status = :p and t.node = :n "
                                    + "and t.paused = false",
                            Long.class)
                    .setParameter("p", TaskStatus.PROCESSING)
                    .setParameter("n", node.id())
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS)
                    .getSingleResult();
            long due = em.createQuery(
                            "select count(d) from WebhookDelivery d where d.status = "
                                    + "io.faceswap.webhook.DeliveryStatus.PENDING and d.nextAttemptAt <= :now",
                            Long.class)
                    .setParameter("now", now)
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS)
                    .getSingleResult();
            Instant oldest = (Instant) queue[1];
            queued = ((Number) queue[0]).doubleValue();
            oldestQueuedSeconds = oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
            runningHere = running;
            webhooksDue = due;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Queue gauges not sampled; keeping the last values", e);
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
