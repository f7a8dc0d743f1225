package io.faceswap.account;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.audit.AuditLog;
import io.faceswap.auth.ApiKeyFormat;
import io.faceswap.auth.SecureTokens;
import io.faceswap.billing.BillingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates, lists, revokes and finds OpenAPI keys. Keys are stored hashed and looked up by hash; the sk filter reads
 * them through {@link CachedKeyAuthenticator}.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    BillingService billing;

    @Inject
    LastUsedRecorder lastUsed;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<KeyRevoked> revoked;

    @Inject
    Event<UserKeysChanged> userChanged;

    @Inject
    @ConfigProperty(name = "clipzap.keys.max-active-per-user")
    int maxActivePerUser;

    /** The key and its one-time secret. */
    public record Created(ApiKey key, String secret) {}

    public Created create(String userId, String name, Integer expiresInDays) {
        if (!billing.hasPaid(userId)) {
            throw new ApiException(
                    ErrorCode.PAYMENT_REQUIRED,
                    "User " + userId + " has no payment yet; keys are issued after the first payment");
        }
        Instant now = clock.instant();
        long active = list(userId).stream()
                .filter(k -> k.statusAt(now) == KeyStatus.ACTIVE)
                .count();
        if (active >= maxActivePerUser) {
            throw new ApiException(
                    ErrorCode.KEY_LIMIT_REACHED,
                    "User " + userId + " already has " + active + " active keys (the limit); revoke one first");
        }
        String secret = ApiKeyFormat.generate();
        Instant expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        ApiKey key = new ApiKey(
                SecureTokens.objectId(),
                userId,
                name,
                ApiKeyFormat.hash(secret),
                ApiKeyFormat.mask(secret),
                now,
                expiresAt);
        em.persist(key);
        audit.record(AuditLog.KEY_NEW, userId, key.getId(), "name=" + name + ", expiresAt=" + expiresAt);
        return new Created(key, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(String userId) {
        return em.createQuery(
                        "select k from ApiKey k where k.userId = :u order by k.createdAt desc, k.id", ApiKey.class)
                .setParameter("u", userId)
                .getResultList();
    }

    /**
     * Replaces a key with a new one (same name and expiry), shown once; the old key keeps working for
     * {@code graceSeconds} and is then refused as rolled. Only an active key rolls (409 otherwise), so one key
     * never has two successors.
     */
    public Created roll(String userId, String keyId, long graceSeconds) {
        ApiKey old = owned(userId, keyId);
        Instant now = clock.instant();
        if (old.statusAt(now) != KeyStatus.ACTIVE) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Key " + keyId + " is " + old.statusAt(now).wire() + "; only an active key can be rolled");
        }
        String secret = ApiKeyFormat.generate();
        ApiKey successor = new ApiKey(
                SecureTokens.objectId(),
                userId,
                old.getName(),
                ApiKeyFormat.hash(secret),
                ApiKeyFormat.mask(secret),
                now,
                old.getExpiresAt());
        em.persist(successor);
        old.rolledTo(successor.getId(), now.plusSeconds(graceSeconds));
        revoked.fire(new KeyRevoked(keyId)); // this node's key cache forgets the old key's row: its new end applies now
        audit.record(
                AuditLog.KEY_ROLL, userId, keyId, "successor=" + successor.getId() + ", graceSeconds=" + graceSeconds);
        return new Created(successor, secret);
    }

    /** Revokes at once; a key of another user is "not found", so ids of other users' keys leak nothing. */
    public ApiKey revoke(String userId, String keyId) {
        ApiKey key = owned(userId, keyId);
        if (key.getRevokedAt() == null) {
            audit.record(AuditLog.KEY_DELETE, userId, keyId, null);
        }
        key.revoke(clock.instant());
        revoked.fire(new KeyRevoked(keyId));
        return key;
    }

    private ApiKey owned(String userId, String keyId) {
        ApiKey key = em.find(ApiKey.class, keyId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (key == null || !key.getUserId().equals(userId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No key " + keyId + " for user " + userId);
        }
        return key;
    }

    /** The key with this hash, as the sk filter needs it; read-only, no transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeySnapshot> findByHash(String keyHash) {
        // the user's suspension comes in the same query: one read per key per cache period, as before
        return em
                .createQuery(
                        "select k, a.suspendedAt from ApiKey k left join UserAccount a on a.userId = k.userId "
                                + "where k.keyHash = :h",
                        Object[].class)
                .setParameter("h", keyHash)
                .setHint("org.hibernate.readOnly", true)
                .getResultList()
                .stream()
                .findFirst()
                .map(row -> KeySnapshot.of((ApiKey) row[0], row[1] != null));
    }

    /** The user's keys are to be read again on this node: their user was suspended or unsuspended here. */
    public void userStatusChanged(String userId) {
        userChanged.fire(new UserKeysChanged(userId));
    }
}
