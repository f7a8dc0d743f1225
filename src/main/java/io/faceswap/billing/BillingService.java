package io.faceswap.billing;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Payments in, seconds held by tasks, seconds spent. Every change locks the user's row first. */
@ApplicationScoped
@Transactional
public class BillingService {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public record PaymentOutcome(Payment payment, UserAccount account, boolean duplicate) {}

    /** Books a payment once per reference; a retry with the same values returns the first booking. */
    public PaymentOutcome recordPayment(String userId, long seconds, String reference) {
        UserAccount account = lockOrCreate(userId);
        Payment existing = em.find(Payment.class, reference);
        if (existing != null) {
            if (!existing.sameAs(userId, seconds)) {
                throw new ApiException(
                        ErrorCode.PAYMENT_REFERENCE_CONFLICT,
                        "Payment reference " + reference + " was already booked with other values");
            }
            return new PaymentOutcome(existing, account, true);
        }
        Payment payment = new Payment(reference, userId, seconds, clock.instant());
        em.persist(payment);
        account.credit(seconds);
        audit.record(AuditLog.PAYMENT, userId, reference, "+" + seconds + " s");
        return new PaymentOutcome(payment, account, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserAccount> find(String userId) {
        return Optional.ofNullable(em.find(UserAccount.class, userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasPaid(String userId) {
        return find(userId).map(a -> a.getPaymentCount() > 0).orElse(false);
    }

    /** Locks a paying user's account for the rest of the transaction; 402 when the user never paid. */
    public UserAccount lock(String userId) {
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.getPaymentCount() == 0) {
            throw new ApiException(ErrorCode.PAYMENT_REQUIRED);
        }
        return account;
    }

    /** Holds seconds for a task on an account {@link #lock locked} in this transaction; 402 when it is short. */
    public UserAccount hold(UserAccount account, long seconds) {
        if (!account.hold(seconds)) {
            throw new ApiException(
                    ErrorCode.INSUFFICIENT_BALANCE,
                    "The task needs " + seconds + " s but the balance is " + account.balanceSeconds() + " s");
        }
        return account;
    }

    /** Ends a hold, charging {@code spentSeconds} of it (0 on failure or cancel) and returning the rest. */
    public void settle(String userId, long heldSeconds, long spentSeconds) {
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(account); // the lock is taken on the row as it is now, never on a copy read earlier
        account.settle(heldSeconds, spentSeconds);
    }

    /**
     * Suspends or unsuspends a user under the row's lock, which a create also takes: a create that waited for this
     * lock sees the suspension. A suspension keeps its first time. Flushed at once, so that a settle later in the
     * same transaction (which re-reads the row) keeps it. 404 for a user with no account.
     *
     * @return when the user was suspended before this call; null when not
     */
    public java.time.Instant setSuspended(String userId, boolean suspended) {
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No user " + userId);
        }
        em.refresh(account); // the row as it is under the lock, never a copy read earlier
        java.time.Instant previous = account.getSuspendedAt();
        account.suspendedAt(suspended ? (previous != null ? previous : clock.instant()) : null);
        em.flush();
        return previous;
    }

    /** Sets the user's visible-label default under the row's lock; 404 for a user with no account. */
    public UserAccount setVisibleLabel(String userId, boolean on) {
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No user " + userId);
        }
        em.refresh(account);
        account.visibleLabel(on);
        return account;
    }

    private UserAccount lockOrCreate(String userId) {
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            account = new UserAccount(userId, clock.instant());
            em.persist(account);
            em.flush();
        }
        return account;
    }
}
