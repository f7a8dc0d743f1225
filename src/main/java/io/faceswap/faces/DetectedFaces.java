package io.faceswap.faces;

import io.faceswap.auth.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Faces found for clients, kept {@code clipzap.faces.ttl-hours}: saved when listed, read by a create's mapping. */
@ApplicationScoped
@Transactional
public class DetectedFaces {
    @PersistenceContext(unitName = "faceswap")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clipzap.faces.ttl-hours")
    long ttlHours;

    /** Saves the identities (deleting expired faces first); their ids, in order. */
    List<String> save(String userId, List<float[]> identities) {
        Instant now = clock.instant();
        em.createQuery("delete from DetectedFace f where f.createdAt < :t")
                .setParameter("t", now.minus(ttl()))
                .executeUpdate();
        List<String> ids = new ArrayList<>();
        for (float[] identity : identities) {
            DetectedFace face = new DetectedFace(SecureTokens.objectId(), userId, identity, now);
            em.persist(face);
            ids.add(face.getId());
        }
        return ids;
    }

    /** The identity of the user's face {@code id}, if it exists and has not expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> identity(String userId, String id) {
        DetectedFace face = em.find(DetectedFace.class, id);
        if (face == null
                || !face.getUserId().equals(userId)
                || expiry(face.getCreatedAt()).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(face.getIdentity());
    }

    /** When a face listed now stops being usable. */
    Instant expiresNow() {
        return expiry(clock.instant());
    }

    Instant expiry(Instant created) {
        return created.plus(ttl());
    }

    private Duration ttl() {
        return Duration.ofHours(ttlHours);
    }
}
