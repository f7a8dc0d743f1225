package io.faceswap.webhook;

import io.faceswap.task.TaskEvents;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a task's delivery once its end has committed, off the committing thread (a batch or request thread must
 * not wait on webhooks). Should this node die in between, the sender's sweep writes it later.
 */
@ApplicationScoped
public class WebhookTrigger {
    private static final Logger LOG = Logger.getLogger(WebhookTrigger.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService workers;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskEvents.Ended event) {
        workers.execute(() -> {
            try {
                if (outbox.enqueueEnded(event.taskId())) {
                    sender.wakeUp();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivery of task " + event.taskId() + " not written now; the sweep will", e);
            }
        });
    }
}
