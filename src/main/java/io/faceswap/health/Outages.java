package io.faceswap.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The database's availability as this node saw it: whether it is reachable now, and the outages of the recent past
 * (the time budget of a task does not count them). Plain Java; {@link DatabaseProbe} feeds it one observation per
 * check and logs the transitions it reports.
 */
final class Outages {
    /** Enough for days of flapping; older outages cannot overlap a running task's budget any more. */
    private static final int KEPT = 256;

    enum Transition {
        NONE,
        WENT_DOWN,
        CAME_BACK
    }

    private record Outage(Instant from, Instant to) {}

    private final Deque<Outage> past = new ArrayDeque<>();
    private Instant downSince;
    private Boolean up;

    /** One observation; the transition it makes, if any. The first observation is never a transition back. */
    synchronized Transition observe(boolean reachable, Instant at) {
        Boolean before = up;
        up = reachable;
        if (!reachable && !Boolean.FALSE.equals(before)) {
            downSince = at;
            return Transition.WENT_DOWN;
        }
        if (reachable && Boolean.FALSE.equals(before)) {
            past.addLast(new Outage(downSince, at));
            if (past.size() > KEPT) {
                past.removeFirst();
            }
            downSince = null;
            return Transition.CAME_BACK;
        }
        return Transition.NONE;
    }

    /** How long the outage that just ended lasted (after {@link Transition#CAME_BACK}). */
    synchronized Duration lastOutage() {
        Outage last = past.peekLast();
        return last == null ? Duration.ZERO : Duration.between(last.from(), last.to());
    }

    /** The time in {@code [from, to]} during which the database was unreachable, the ongoing outage included. */
    synchronized Duration within(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (Outage o : past) {
            total = total.plus(overlap(o.from(), o.to(), from, to));
        }
        if (downSince != null) {
            total = total.plus(overlap(downSince, to, from, to));
        }
        return total;
    }

    private static Duration overlap(Instant a, Instant b, Instant from, Instant to) {
        Instant start = a.isAfter(from) ? a : from;
        Instant end = b.isBefore(to) ? b : to;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }
}
