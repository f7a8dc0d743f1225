package io.faceswap.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One WARN-worthy transition per outage, one back, and the time lost within any window. */
class OutagesTest {
    private static final Instant T0 = Instant.parse("2026-12-06T04:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void eachOutageIsReportedOnceEachWay() {
        Outages outages = new Outages();
        assertEquals(Outages.Transition.NONE, outages.observe(true, at(0)));
        assertEquals(Outages.Transition.WENT_DOWN, outages.observe(false, at(10)));
        assertEquals(Outages.Transition.NONE, outages.observe(false, at(11)));
        assertEquals(Outages.Transition.NONE, outages.observe(false, at(30)));
        assertEquals(Outages.Transition.CAME_BACK, outages.observe(true, at(55)));
        assertEquals(Duration.ofSeconds(45), outages.lastOutage());
        assertEquals(Outages.Transition.NONE, outages.observe(true, at(56)));
    }

    @Test
    void aServerThatStartsWithoutItsDatabaseWarnsOnce() {
        Outages outages = new Outages();
        assertEquals(Outages.Transition.WENT_DOWN, outages.observe(false, at(0)));
        assertEquals(Outages.Transition.CAME_BACK, outages.observe(true, at(5)));
    }

    @Test
    void timeLostIsTheOverlapWithTheWindowTheOngoingOutageIncluded() {
        Outages outages = new Outages();
        outages.observe(true, at(0));
        outages.observe(false, at(10));
        outages.observe(true, at(55)); // 45 s
        outages.observe(false, at(100));
        outages.observe(true, at(102)); // 2 s
        assertEquals(Duration.ofSeconds(47), outages.within(at(0), at(200)));
        assertEquals(Duration.ofSeconds(25), outages.within(at(30), at(60)));
        assertEquals(Duration.ZERO, outages.within(at(60), at(99)));
        outages.observe(false, at(150));
        assertEquals(Duration.ofSeconds(10), outages.within(at(140), at(160)), "the outage still going on");
    }
}
