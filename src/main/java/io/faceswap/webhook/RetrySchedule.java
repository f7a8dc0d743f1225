package io.faceswap.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, wait the n-th delay; after the last delay's
 * attempt fails too, give up. The default ({@code clipzap.webhooks.retry-delays}: 1 min, 5 min, 30 min, 2 h, 6 h,
 * 12 h) spreads 7 attempts over about 20.6 hours, so a receiver that is down for most of a day still gets the event.
 */
public record RetrySchedule(List<Duration> delays) {
    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive");
        }
    }

    /** From a comma-separated list of seconds (fractions allowed, for tests), e.g. {@value #DEFAULT}. */
    public static RetrySchedule parse(String seconds) {
        List<Duration> delays = new ArrayList<>();
        for (String s : seconds.split(",")) {
            if (!s.isBlank()) {
                delays.add(Duration.ofMillis(Math.round(Double.parseDouble(s.trim()) * 1000)));
            }
        }
        return new RetrySchedule(delays);
    }

    /** Attempts in all: the first, plus one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after {@code failedAttempts} attempts have failed; empty when there is no attempt left. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(delays.get(failedAttempts - 1));
    }
}
