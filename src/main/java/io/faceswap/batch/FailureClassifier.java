package io.faceswap.batch;

import io.faceswap.swap.SwapException;
import io.faceswap.task.TaskErrorCode;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a job's failure into the code and message the client sees. Known failures carry their code; anything else
 * is an internal error, logged with an incident id that the message quotes (the details stay in the log).
 */
final class FailureClassifier {
    private static final Logger LOG = Logger.getLogger(FailureClassifier.class.getName());

    record Failure(TaskErrorCode code, String message) {}

    private FailureClassifier() {}

    static Failure classify(String taskId, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TaskFailure failure) {
                return new Failure(failure.code(), failure.getMessage());
            }
            if (t instanceof SwapException swap) {
                return new Failure(TaskErrorCode.of(swap.errorCode()), swap.getMessage());
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Task " + taskId + " failed unexpectedly, incident " + incident, error);
        return new Failure(TaskErrorCode.INTERNAL_ERROR, "Internal error; quote incident " + incident);
    }

    /** The run lost its task to another node: not the task's failure, and nothing to record. */
    static boolean leaseLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof io.faceswap.task.LeaseLostException) {
                return true;
            }
        }
        return false;
    }
}
