package io.faceswap.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.MDC;

/**
 * The log MDC of the current thread: {@code requestId}, {@code taskId}, {@code userId}, and {@code log.context},
 * the three as one bracketed prefix that the text pattern prints (a pattern cannot leave out empty keys). A task's
 * job runs on batch threads that no request touched: the job's listener {@link #remember}s the task's request id and
 * user, and each of its threads {@link #enterTask}s the task.
 */
public final class LogContext {
    public static final String REQUEST_ID = "requestId";
    public static final String TASK_ID = "taskId";
    public static final String USER_ID = "userId";
    static final String PREFIX = "log.context";

    private record Origin(String requestId, String userId) {}

    private static final Map<String, Origin> RUNNING = new ConcurrentHashMap<>();

    private LogContext() {}

    /** A request starts: only its id is known yet. */
    public static void request(String requestId) {
        clear();
        put(REQUEST_ID, requestId);
    }

    public static String requestId() {
        Object id = MDC.get(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    public static void user(String userId) {
        put(USER_ID, userId);
    }

    public static void task(String taskId) {
        put(TASK_ID, taskId);
    }

    /** A task's job runs on this node: the request that created the task and its user, for the job's threads. */
    public static void remember(String taskId, String requestId, String userId) {
        RUNNING.put(taskId, new Origin(requestId, userId));
    }

    public static void forget(String taskId) {
        RUNNING.remove(taskId);
    }

    /** This thread now works for {@code taskId} (a job's step or partition). */
    public static void enterTask(String taskId) {
        clear();
        Origin origin = RUNNING.get(taskId);
        if (origin != null) {
            put(REQUEST_ID, origin.requestId());
            put(USER_ID, origin.userId());
        }
        put(TASK_ID, taskId);
    }

    public static void clear() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TASK_ID);
        MDC.remove(USER_ID);
        MDC.remove(PREFIX);
    }

    private static void put(String key, String value) {
        if (value == null) {
            return;
        }
        MDC.put(key, value);
        StringBuilder prefix = new StringBuilder("[");
        append(prefix, "rid", REQUEST_ID);
        append(prefix, "task", TASK_ID);
        append(prefix, "user", USER_ID);
        MDC.put(PREFIX, prefix.append("] ").toString());
    }

    private static void append(StringBuilder prefix, String label, String key) {
        Object value = MDC.get(key);
        if (value != null) {
            prefix.append(prefix.length() > 1 ? " " : "")
                    .append(label)
                    .append('=')
                    .append(value);
        }
    }
}
