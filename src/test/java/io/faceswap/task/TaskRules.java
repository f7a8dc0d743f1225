package io.faceswap.task;

import io.faceswap.audit.AuditEvent;
import io.faceswap.audit.AuditLog;
import io.faceswap.auth.RequestActor;
import io.faceswap.billing.BillingService;
import io.faceswap.billing.Payment;
import io.faceswap.billing.UserAccount;
import io.faceswap.testing.Beans;
import io.faceswap.testing.JpaDatabase;
import java.time.Clock;
import java.util.UUID;

/**
 * The task rules' beans wired by hand over an H2 database in memory: {@link TaskLifecycle}, {@link TaskClaims} and
 * the real {@link BillingService}, as the container wires them, without the container.
 */
final class TaskRules implements AutoCloseable {
    final JpaDatabase db =
            new JpaDatabase(FaceSwapTask.class, DispatchLock.class, UserAccount.class, Payment.class, AuditEvent.class);
    final Clock clock = new Beans.TickingClock();
    final TaskSettings settings = new TaskSettings();
    final BillingService billing = new BillingService();
    final TaskLifecycle lifecycle = new TaskLifecycle();
    final TaskClaims claims = new TaskClaims();
    final Beans.Recorded<TaskEvents.Ended> ended = new Beans.Recorded<>();

    TaskRules(int maxRunning, int maxRunningPerUser) {
        settings.maxRunning = maxRunning;
        settings.maxRunningPerUser = maxRunningPerUser;
        settings.leaseSeconds = 60;
        AuditLog audit = Beans.set(
                Beans.set(Beans.set(new AuditLog(), "em", db.em()), "clock", clock), "actor", new RequestActor());
        Beans.set(Beans.set(Beans.set(billing, "em", db.em()), "clock", clock), "audit", audit);
        lifecycle.em = db.em();
        lifecycle.billing = billing;
        lifecycle.clock = clock;
        lifecycle.settings = settings;
        lifecycle.ended = ended;
        lifecycle.expired = new Beans.Recorded<>();
        claims.em = db.em();
        claims.lifecycle = lifecycle;
        claims.settings = settings;
        db.run(em -> {
            for (String entity : new String[] {"FaceSwapTask", "Payment", "UserAccount", "AuditEvent"}) {
                em.createQuery("delete from " + entity).executeUpdate();
            }
        });
    }

    void pay(String userId, long seconds) {
        db.run(em -> {
            billing.recordPayment(userId, seconds, "pay-" + UUID.randomUUID());
        });
    }

    /** Queues a task as create does: the user's account locked, {@code held} seconds held. */
    String queue(String userId, long held) {
        return queue(userId, held, "https://x/v.mp4", null);
    }

    /** Queues a photo task (issue 26): no video, a target photo, {@code held} seconds held. */
    String queuePhoto(String userId, long held) {
        return queue(userId, held, null, "https://x/group.jpg");
    }

    private String queue(String userId, long held, String videoUrl, String targetImageUrl) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        db.run(em -> {
            billing.hold(billing.lock(userId), held);
            em.persist(new FaceSwapTask(
                    id,
                    userId,
                    "key-1",
                    "t",
                    "https://x/p.jpg",
                    videoUrl,
                    targetImageUrl,
                    videoUrl == null ? 0 : held,
                    held,
                    null,
                    null,
                    clock.instant()));
        });
        return id;
    }

    FaceSwapTask task(String id) {
        return db.call(em -> em.find(FaceSwapTask.class, id));
    }

    UserAccount account(String userId) {
        return db.call(em -> em.find(UserAccount.class, userId));
    }

    @Override
    public void close() {
        // the database stays for the next test; its tables are emptied when the next TaskRules is made
    }
}
