package io.faceswap.webhook;

import io.faceswap.api.DatabaseFaults;
import io.faceswap.config.NodeIdentity;
import io.faceswap.config.StoppableSchedule;
import io.faceswap.health.DatabaseProbe;
import io.faceswap.media.MediaFetchException;
import io.faceswap.media.PostResult;
import io.faceswap.media.SafeMediaFetcher;
import io.faceswap.metrics.Meters;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Every node's sender: each tick claims due deliveries (up to {@code parallel-sends} in flight) and sends each on
 * the managed executor, so one slow receiver (up to the 10 s timeout) does not hold up the others. Every tick and
 * every send has its own guard, so the schedule never dies. Now and then it also sweeps for ended tasks whose
 * delivery was never written (a node died right after the task's end committed). While the database is unreachable
 * ticks do nothing; a delivery whose outcome could not be recorded is sent again once its claim lapses.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final int SWEEP_EVERY_TICKS = 30;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService workers;

    @Inject
    Meters meters;

    @Inject
    DeliveryClaims claims;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookSettings settings;

    @Inject
    NodeIdentity node;

    @Inject
    Clock clock;

    @Inject
    DatabaseProbe database;

    private final SafeMediaFetcher http = new SafeMediaFetcher();
    private int ticks;
    private StoppableSchedule schedule;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        schedule = new StoppableSchedule(scheduler);
        schedule.every(this::tick, 500, settings.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            // waits for a tick in flight and for the sends it handed to the workers (each bounded by its timeouts)
            schedule.stop(settings.policy().totalTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
    }

    /** Soon, off the caller's thread. */
    public void wakeUp() {
        schedule.soon(this::tick);
    }

    synchronized void tick() {
        if (!database.databaseUp()) {
            return; // the probe logged the outage; the first tick after it goes on
        }
        guarded("sweep", () -> {
            if (ticks++ % SWEEP_EVERY_TICKS == 0) {
                // a day back: older ones are past their whole retry schedule anyway
                for (String taskId : outbox.missed(clock.instant().minus(Duration.ofDays(1)), 100)) {
                    guarded("late delivery of task " + taskId, () -> outbox.enqueueEnded(taskId));
                }
            }
        });
        guarded("claims", () -> {
            int room = settings.parallelism() - schedule.handedOff();
            List<String> due = room > 0 ? claims.due(room) : List.of();
            for (String id : due) {
                if (schedule.stopping()) {
                    break;
                }
                // a send refused because the sender is stopping stays claimed: its claim lapses and it is sent later
                claims.claim(id, node.id())
                        .ifPresent(delivery ->
                                schedule.handOff(workers, () -> guarded("delivery " + id, () -> send(delivery))));
            }
        });
    }

    private void send(WebhookDelivery delivery) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        DeliveryClaims.Outcome outcome;
        List<String> signing = secrets.signingSecrets(delivery.getUserId());
        if (signing.isEmpty()) {
            outcome = new DeliveryClaims.Outcome(null, "no valid signing secret: roll one", Duration.ZERO);
        } else {
            byte[] body = delivery.getPayload().getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>(Map.of(
                    "ClipZap-Event-Id",
                    delivery.getEventId(),
                    "ClipZap-Event-Type",
                    delivery.getEventType(),
                    "ClipZap-Delivery-Id",
                    delivery.getId(),
                    WebhookSignature.HEADER,
                    WebhookSignature.header(at.getEpochSecond(), signing, body)));
            headers.putAll(StandardWebhooks.headers(delivery.getEventId(), at.getEpochSecond(), signing, body));
            try {
                PostResult r = http.post(delivery.getUrl(), body, "application/json", headers, settings.policy());
                outcome =
                        new DeliveryClaims.Outcome(r.status(), r.success() ? null : "HTTP " + r.status(), r.elapsed());
            } catch (MediaFetchException e) {
                // the operator's detail (URLs redacted), for the owner of the callback: it is their own URL
                outcome = new DeliveryClaims.Outcome(
                        null, e.code() + ": " + e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
            }
        }
        claims.record(delivery, node.id(), at, outcome);
        meters.webhookAttempt(
                outcome.httpStatus() == null
                        ? (signing.isEmpty() ? "no_secret" : "error")
                        : (outcome.error() == null ? "delivered" : "http_error"),
                Duration.ofNanos(System.nanoTime() - start));
        DeliveryClaims.Outcome logged = outcome;
        LOG.fine(() -> "Webhook " + delivery.getId() + " attempt " + (delivery.getAttempts() + 1) + ": "
                + (logged.httpStatus() != null ? "HTTP " + logged.httpStatus() : logged.error()));
    }

    private static void guarded(String what, Runnable work) {
        StoppableSchedule.guarded(LOG, "Webhooks: " + what, work, DatabaseFaults::isConnectionFault);
    }
}
