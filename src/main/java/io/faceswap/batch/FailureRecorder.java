package io.faceswap.batch;

import io.faceswap.swap.SwapException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the first failure of each running task, classified into a code and message for the client, until the job
 * listener turns it into the task's outcome. Partitions fail on their own threads; this is where they meet.
 */
@ApplicationScoped
public class FailureRecorder {
    private static final Logger LOG = Logger.getLogger(FailureRecorder.class.getName());

    public record Failure(String code, String message) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public void record(String taskId, Throwable error) {
        failures.computeIfAbsent(taskId, id -> classify(id, error));
    }

    public Optional<Failure> take(String taskId) {
        return Optional.ofNullable(failures.remove(taskId));
    }

    static Failure classify(String taskId, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TaskFailure failure) {
                return new Failure(failure.code(), failure.getMessage());
            }
            if (t instanceof SwapException swap) {
                return new Failure(swap.errorCode(), swap.getMessage());
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Task " + taskId + " failed unexpectedly, incident " + incident, error);
        return new Failure(FailureCodes.INTERNAL_ERROR, "Internal error; quote incident " + incident);
    }
}
