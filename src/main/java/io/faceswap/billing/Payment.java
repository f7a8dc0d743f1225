package io.faceswap.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One payment, identified by the payer's reference so that a retried notification is booked once. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @Column(length = 128)
    private String reference;

    @Column(nullable = false, length = 64)
    private String userId;

    private long seconds;

    @Column(nullable = false)
    private Instant createdAt;

    protected Payment() {}

    public Payment(String reference, String userId, long seconds, Instant createdAt) {
        this.reference = reference;
        this.userId = userId;
        this.seconds = seconds;
        this.createdAt = createdAt;
    }

    boolean sameAs(String otherUserId, long otherSeconds) {
        return userId.equals(otherUserId) && seconds == otherSeconds;
    }

    public String getReference() {
        return reference;
    }

    public String getUserId() {
        return userId;
    }

    public long getSeconds() {
        return seconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
