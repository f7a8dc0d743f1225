package io.faceswap.batch;

/** A task cannot succeed, for a reason the client should read: a stable code and a human message. */
public class TaskFailure extends RuntimeException {
    private final String code;

    public TaskFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public TaskFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
