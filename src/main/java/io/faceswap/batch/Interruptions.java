package io.faceswap.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks whose current run in this JVM failed because the database could not be reached: their job ends FAILED,
 * but the task is not at fault. Noted in memory (the database is the one thing that cannot be written then) by the
 * failure listener, read once by the job listener when the run ends.
 */
@ApplicationScoped
public class Interruptions {
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();

    void note(String taskId) {
        interrupted.add(taskId);
    }

    /** Whether the run now ending was interrupted by an outage; forgets it. */
    boolean take(String taskId) {
        return interrupted.remove(taskId);
    }
}
