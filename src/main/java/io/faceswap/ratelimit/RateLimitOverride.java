package io.faceswap.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** An admin's limits for one user, in place of the defaults. */
@Entity
@Table(name = "rate_limit_override")
public class RateLimitOverride {
    @Id
    @Column(length = 64)
    private String userId;

    private int readLimit;
    private long readPeriodMillis;
    private int createLimit;
    private long createPeriodMillis;

    @Column(nullable = false)
    private Instant updatedAt;

    protected RateLimitOverride() {}

    RateLimitOverride(String userId) {
        this.userId = userId;
    }

    void set(Limit read, Limit create, Instant now) {
        readLimit = read.limit();
        readPeriodMillis = read.period().toMillis();
        createLimit = create.limit();
        createPeriodMillis = create.period().toMillis();
        updatedAt = now;
    }

    Limit read() {
        return new Limit(readLimit, Duration.ofMillis(readPeriodMillis));
    }

    Limit create() {
        return new Limit(createLimit, Duration.ofMillis(createPeriodMillis));
    }
}
