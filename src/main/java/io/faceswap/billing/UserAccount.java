package io.faceswap.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A paying user's book of seconds: paid in, held by running tasks, spent. Balance = paid - held - spent; every
 * change goes through {@link BillingService} under a row lock, so the books always close.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @Column(length = 64)
    private String userId;

    private long paidSeconds;
    private long heldSeconds;
    private long spentSeconds;
    private int paymentCount;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    /** Since when an admin has suspended the user (issue 27); null: not suspended. */
    private Instant suspendedAt;

    /** An admin's per-user default: every task of the user carries the visible AI-generated mark (issue 27). */
    private boolean visibleLabel;

    protected UserAccount() {}

    public UserAccount(String userId, Instant createdAt) {
        this.userId = userId;
        this.createdAt = createdAt;
    }

    void credit(long seconds) {
        paidSeconds += seconds;
        paymentCount++;
    }

    /** Moves seconds from the balance to held; false (and no change) when the balance is short. */
    boolean hold(long seconds) {
        if (balanceSeconds() < seconds) {
            return false;
        }
        heldSeconds += seconds;
        return true;
    }

    /**
     * Ends a hold: {@code spent} of it is charged (at most the hold), the rest returns to the balance. Releasing more
     * than is held means a task was settled twice: refused, so the transaction rolls back and the books stay exact.
     */
    void settle(long held, long spent) {
        if (held < 0 || spent < 0 || held > heldSeconds) {
            throw new IllegalStateException(
                    "Account " + userId + " holds " + heldSeconds + " s; cannot release " + held + " s");
        }
        heldSeconds -= held;
        spentSeconds += Math.min(spent, held);
    }

    /** Changed only under the row's lock ({@link BillingService#lock}), like the books. */
    public void suspendedAt(Instant at) {
        this.suspendedAt = at;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public boolean isVisibleLabel() {
        return visibleLabel;
    }

    /** Changed only under the row's lock. */
    public void visibleLabel(boolean on) {
        this.visibleLabel = on;
    }

    public long balanceSeconds() {
        return paidSeconds - heldSeconds - spentSeconds;
    }

    public String getUserId() {
        return userId;
    }

    public long getPaidSeconds() {
        return paidSeconds;
    }

    public long getHeldSeconds() {
        return heldSeconds;
    }

    public long getSpentSeconds() {
        return spentSeconds;
    }

    public int getPaymentCount() {
        return paymentCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
