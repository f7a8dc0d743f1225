package io.faceswap.task;

/** This node no longer holds the task (another node took it over, or it ended): its run must stop writing. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(String taskId, String node) {
        super("Task " + taskId + " is no longer held by node " + node);
    }
}
