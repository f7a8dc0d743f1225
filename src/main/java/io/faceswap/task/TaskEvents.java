package io.faceswap.task;

/** CDI events the task layer raises for the batch layer, which it does not depend on. */
public final class TaskEvents {
    private TaskEvents() {}

    /** A task was queued: dispatch soon. Fired after the creating transaction commits. */
    public record Queued(String taskId) {}

    /** A running task should stop: its job execution is to be stopped. */
    public record CancelRequested(String taskId, long jobExecutionId) {}

    /** A task reached its terminal status (exactly once per task): clean its files, free its slot.
     * {@code deleted}: its data was deleted before it ended (then nothing of it is kept). */
    public record Ended(String taskId, TaskStatus status, boolean deleted) {}

    /** A task's data was deleted on request: every file of it goes, whatever its status. */
    public record Deleted(String taskId) {}

    /** A task's result passed its retention period: its files go. */
    public record Expired(String taskId) {}
}
