package io.faceswap.batch;

import io.faceswap.task.TaskErrorCode;

/** A task cannot succeed, for a reason the client should read: a stable code and a human message. */
public class TaskFailure extends RuntimeException {
    private final TaskErrorCode code;

    public TaskFailure(TaskErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TaskFailure(TaskErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public TaskErrorCode code() {
        return code;
    }
}
