package io.faceswap.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theDefaultIsOneMinuteFiveThirtyTwoHoursSixTwelve() throws IOException {
        RetrySchedule s = RetrySchedule.parse(defaultDelays());
        assertEquals(
                List.of(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(6),
                        Duration.ofHours(12)),
                s.delays());
        assertEquals(7, s.maxAttempts());
        assertEquals(Optional.of(Duration.ofMinutes(1)), s.delayAfter(1));
        assertEquals(Optional.of(Duration.ofHours(12)), s.delayAfter(6));
        assertEquals(Optional.empty(), s.delayAfter(7), "the seventh failure is the last");
        Duration total = s.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(
                total.compareTo(Duration.ofHours(24)) < 0 && total.compareTo(Duration.ofHours(20)) > 0,
                total::toString);
    }

    @Test
    void testsUseSecondsAndFractions() {
        RetrySchedule s = RetrySchedule.parse(" 1, 0.5 ,2 ");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2)), s.delays());
        assertEquals(Optional.empty(), s.delayAfter(0));
    }

    @Test
    void zeroOrNegativeDelaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("1,0"));
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("-5"));
    }

    /** The default as the server reads it: the value in microprofile-config.properties. */
    private static String defaultDelays() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RetryScheduleTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        return p.getProperty("clipzap.webhooks.retry-delays");
    }
}
