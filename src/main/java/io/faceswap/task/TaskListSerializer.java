package io.faceswap.task;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes listbyids' {@code {"list": [...]}} with {@link TaskViewSerializer} straight, so Yasson neither looks up a
 * serializer per element nor puts each task in its set of objects being written (a record's hash walks all its
 * fields): the polling hot path of issue 10.
 */
public class TaskListSerializer implements JsonbSerializer<TaskResource.TaskList> {
    private static final TaskViewSerializer TASK = new TaskViewSerializer();

    @Override
    public void serialize(TaskResource.TaskList tasks, JsonGenerator g, SerializationContext context) {
        g.writeStartObject();
        g.writeStartArray("list");
        for (TaskView task : tasks.list()) {
            TASK.serialize(task, g, context);
        }
        g.writeEnd();
        g.writeEnd();
    }
}
