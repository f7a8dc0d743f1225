package io.faceswap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What the feature packages report, one call each. Names follow Prometheus conventions once the registry renders
 * them (dots become underscores, counters end in _total, times are in seconds). Histograms have fixed buckets
 * chosen for tasks (seconds to an hour) and for webhooks and fetches (milliseconds to a minute), so the series count
 * stays small and known. Each meter is made once and kept; all are removed from the server's registry when the
 * application stops (WildFly does not, and a redeployed application would find the old ones).
 */
@ApplicationScoped
public class Meters {
    static final Duration[] TASK_BUCKETS = seconds(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600);
    static final Duration[] HTTP_BUCKETS = millis(25, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000);
    // a Timer built without a pause detector asks the registry's config for one, which WildFly refuses (a warning)
    private static final NoPauseDetector NO_PAUSES = new NoPauseDetector();

    @Inject
    MeterRegistry injected;

    private ExportedRegistry exported;
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        exported = ExportedRegistry.of(injected);
    }

    @PreDestroy
    void removeAll() {
        meters.values().forEach(exported.registry::remove);
        meters.clear();
    }

    public void framesSwapped(long frames) {
        counter("clipzap.frames.swapped", "Video frames run through the face swap on this node")
                .increment(frames);
    }

    public void leaseTakeover() {
        counter("clipzap.lease.takeovers", "Tasks this node took over after their node's lease lapsed")
                .increment();
    }

    /** An API key refused by the sk filter; {@code code} is an {@code ErrorCode} name (a few values). */
    public void keyRefused(String code) {
        counter("clipzap.auth.refusals", "Requests refused by the API key filter, by error code", "code", code)
                .increment();
    }

    /** {@code kind}: create or read. */
    public void rateLimited(String kind) {
        counter("clipzap.rate.limit.refusals", "Requests refused by a per-key rate limit", "kind", lower(kind))
                .increment();
    }

    /** {@code what}: photo, target_photo, video, reference_photo or mapped_photo; {@code outcome}: ok or the fetch error's code. */
    public void mediaFetched(String what, String outcome, long bytes, Duration elapsed) {
        timer(
                        "clipzap.media.fetch",
                        "Media downloads, by media and outcome",
                        HTTP_BUCKETS,
                        "media",
                        what,
                        "outcome",
                        lower(outcome))
                .record(elapsed);
        if (bytes > 0) {
            String[] tags = {"media", what};
            this.<DistributionSummary>meter(
                            "clipzap.media.fetch.bytes",
                            tags,
                            r -> DistributionSummary.builder("clipzap.media.fetch.bytes")
                                    .description("Bytes of media downloaded, by media")
                                    .baseUnit("bytes")
                                    .tags(exported.tags.and(tags))
                                    .register(r))
                    .record(bytes);
        }
    }

    /** {@code outcome}: delivered, http_error, error or no_secret. */
    public void webhookAttempt(String outcome, Duration elapsed) {
        timer("clipzap.webhook.delivery", "Webhook delivery attempts, by outcome", HTTP_BUCKETS, "outcome", outcome)
                .record(elapsed);
    }

    /** Zero makes the counter, so that it exists before the first task. */
    void taskCreated(int tasks) {
        counter("clipzap.tasks.submitted", "Tasks created (queued) through this node")
                .increment(tasks);
    }

    /** {@code errorCode}: the task's code, or "none". */
    void taskEnded(String status, String errorCode) {
        counter(
                        "clipzap.tasks.ended",
                        "Tasks that reached a terminal status on this node, by status and error code",
                        "status",
                        lower(status),
                        "error_code",
                        errorCode)
                .increment();
    }

    void taskTimes(Duration queued, Duration running) {
        if (queued != null) {
            timer("clipzap.task.queue.wait", "Time from a task's creation to its processing's start", TASK_BUCKETS)
                    .record(queued);
        }
        if (running != null) {
            timer("clipzap.task.duration", "Time from the start of a task's processing to its end", TASK_BUCKETS)
                    .record(running);
        }
    }

    /** A gauge read at each scrape; {@code unit} may be null. */
    <T> void gauge(String name, String description, String unit, T state, ToDoubleFunction<T> value) {
        this.<Gauge>meter(
                name,
                new String[0],
                r -> Gauge.builder(name, state, value)
                        .description(description)
                        .baseUnit(unit)
                        .tags(exported.tags)
                        .strongReference(true)
                        .register(r));
    }

    private Counter counter(String name, String description, String... tags) {
        return meter(
                name,
                tags,
                r -> Counter.builder(name)
                        .description(description)
                        .tags(exported.tags.and(tags))
                        .register(r));
    }

    private Timer timer(String name, String description, Duration[] buckets, String... tags) {
        return meter(
                name,
                tags,
                r -> Timer.builder(name)
                        .description(description)
                        .tags(exported.tags.and(tags))
                        .serviceLevelObjectives(buckets)
                        .pauseDetector(NO_PAUSES)
                        .register(r));
    }

    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(String name, String[] tags, Function<MeterRegistry, M> make) {
        return (M) meters.computeIfAbsent(name + String.join("\u0000", tags), k -> make.apply(exported.registry));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Duration[] seconds(long... values) {
        Duration[] d = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Duration.ofSeconds(values[i]);
        }
        return d;
    }

    private static Duration[] millis(long... values) {
        Duration[] d = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Duration.ofMillis(values[i]);
        }
        return d;
    }
}
