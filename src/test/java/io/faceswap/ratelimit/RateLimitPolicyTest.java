package io.faceswap.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.faceswap.audit.AuditEvent;
import io.faceswap.audit.AuditLog;
import io.faceswap.auth.RequestActor;
import io.faceswap.testing.Beans;
import io.faceswap.testing.JpaDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits a user gets: the configured defaults, or an admin's override, which applies at once on the node that
 * set it and within {@code override-cache-seconds} on the others. Two policies over one H2 database are two nodes.
 */
class RateLimitPolicyTest {
    private static final Limit READ = new Limit(40, Duration.ofMillis(2000));
    private static final Limit CREATE = new Limit(2, Duration.ofMillis(1000));
    private static final Limit RAISED_READ = new Limit(100, Duration.ofSeconds(1));
    private static final Limit RAISED_CREATE = new Limit(10, Duration.ofSeconds(3));

    private static JpaDatabase db;
    private final Clock clock = new Beans.TickingClock();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimitPolicy node1 = node();
    private final RateLimitPolicy node2 = node();

    @BeforeAll
    static void open() {
        db = new JpaDatabase(RateLimitOverride.class, AuditEvent.class);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.run(em -> {
            em.createQuery("delete from RateLimitOverride").executeUpdate();
            em.createQuery("delete from AuditEvent").executeUpdate();
        });
    }

    @Test
    void withoutAnOverrideAUserGetsTheConfiguredDefaultsPerKind() {
        assertEquals(READ, node1.limitFor("u", Kind.READ));
        assertEquals(CREATE, node1.limitFor("u", Kind.CREATE));
        assertEquals(READ, node1.defaults(Kind.READ));
        assertEquals(CREATE, node1.defaults(Kind.CREATE));
    }

    @Test
    void anOverrideAppliesAtOnceOnItsNodeAndOnlyToItsUser() {
        assertEquals(READ, node1.limitFor("u", Kind.READ)); // cached: the defaults
        db.run(em -> node1.override("u", RAISED_READ, RAISED_CREATE));

        assertEquals(RAISED_READ, node1.limitFor("u", Kind.READ));
        assertEquals(RAISED_CREATE, node1.limitFor("u", Kind.CREATE));
        assertEquals(READ, node1.limitFor("other", Kind.READ));
        assertEquals(CREATE, node1.limitFor("other", Kind.CREATE));
    }

    @Test
    void anotherNodeAppliesAChangeOnlyOnceItsCacheHasAged() {
        assertEquals(READ, node2.limitFor("u", Kind.READ)); // node 2 remembers: no override
        db.run(em -> node1.override("u", RAISED_READ, RAISED_CREATE));

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertEquals(READ, node2.limitFor("u", Kind.READ), "still within the 5 s cache");
        nanos.addAndGet(1);
        assertEquals(RAISED_READ, node2.limitFor("u", Kind.READ), "past the cache: read again");
        assertEquals(RAISED_CREATE, node2.limitFor("u", Kind.CREATE));

        db.run(em -> node1.override("u", null, null));
        assertEquals(READ, node1.limitFor("u", Kind.READ), "a removal applies at once on its node");
        assertEquals(RAISED_READ, node2.limitFor("u", Kind.READ), "and not yet on the other");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(5) + 1);
        assertEquals(READ, node2.limitFor("u", Kind.READ));
        assertEquals(CREATE, node2.limitFor("u", Kind.CREATE));
    }

    @Test
    void aSecondOverrideReplacesTheFirstAndARemovalLeavesNoRow() {
        db.run(em -> node1.override("u", RAISED_READ, RAISED_CREATE));
        db.run(em -> node1.override("u", READ, RAISED_CREATE));
        assertEquals(READ, node1.limitFor("u", Kind.READ));
        assertEquals(RAISED_CREATE, node1.limitFor("u", Kind.CREATE));

        db.run(em -> node1.override("u", null, null));
        db.run(em -> node1.override("u", null, null)); // removing what is not there changes nothing
        assertNull(db.call(em -> em.find(RateLimitOverride.class, "u")));
        assertEquals(CREATE, node1.limitFor("u", Kind.CREATE));
    }

    @Test
    void everyChangeIsAuditedWithTheLimitsItSet() {
        db.run(em -> node1.override("u", RAISED_READ, RAISED_CREATE));
        db.run(em -> node1.override("u", null, null));

        List<AuditEvent> events =
                db.call(em -> em.createQuery("select e from AuditEvent e order by e.occurredAt", AuditEvent.class)
                        .getResultList());
        assertEquals(
                List.of("read 100/1000 ms, create 10/3000 ms", "defaults"),
                events.stream().map(AuditEvent::getDetail).toList());
        for (AuditEvent e : events) {
            assertEquals(AuditLog.RATE_LIMIT_SET, e.getKind());
            assertEquals("u", e.getUserId());
        }
    }

    private RateLimitPolicy node() {
        RateLimitPolicy policy = new RateLimitPolicy();
        policy.em = db.em();
        policy.clock = clock;
        policy.audit = Beans.set(
                Beans.set(Beans.set(new AuditLog(), "em", db.em()), "clock", clock), "actor", new RequestActor());
        policy.nanoTime = nanos::get;
        // the values of microprofile-config.properties
        policy.enabled = true;
        policy.overrideCacheSeconds = 5;
        policy.readLimit = 40;
        policy.readPeriodMillis = 2000;
        policy.createLimit = 2;
        policy.createPeriodMillis = 1000;
        return policy;
    }
}
