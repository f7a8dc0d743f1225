package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.api.ApiResponse;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TaskListWriter} writes byte for byte what JSON-B wrote for listbyids, and only for that type. */
class TaskListWriterTest {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private final TaskListWriter writer = new TaskListWriter();

    @Test
    void writesWhatJsonbWrote() throws Exception {
        for (List<TaskView> tasks : List.of(
                List.<TaskView>of(),
                List.of(TaskViewSerializerTest.FULL),
                List.of(TaskViewSerializerTest.FULL, TaskViewSerializerTest.EMPTY))) {
            ApiResponse<TaskResource.TaskList> response = ApiResponse.ok(new TaskResource.TaskList(tasks));
            assertEquals(JSONB.toJson(response), written(response));
        }
        ApiResponse<TaskResource.TaskList> odd = new ApiResponse<>(7, null, null);
        assertEquals(JSONB.toJson(odd), written(odd));
    }

    @Test
    void leavesTheResponseStreamOpen() throws Exception {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        writer.writeTo(
                ApiResponse.ok(new TaskResource.TaskList(List.of())),
                ApiResponse.class,
                listType(),
                null,
                MediaType.APPLICATION_JSON_TYPE,
                null,
                out);
        assertFalse(closed[0]);
        assertEquals("{\"code\":0,\"message\":\"success\",\"data\":{\"list\":[]}}", out.toString());
    }

    @Test
    void takesOnlyListbyidsAnswers() throws Exception {
        assertTrue(writer.isWriteable(ApiResponse.class, listType(), null, MediaType.APPLICATION_JSON_TYPE));
        Type view = TaskResource.class
                .getMethod(
                        "cancel",
                        jakarta.ws.rs.core.SecurityContext.class,
                        TaskResource.CancelRequest.class,
                        jakarta.ws.rs.core.UriInfo.class)
                .getGenericReturnType();
        assertFalse(writer.isWriteable(ApiResponse.class, view, null, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(writer.isWriteable(ApiResponse.class, ApiResponse.class, null, MediaType.APPLICATION_JSON_TYPE));
    }

    private String written(ApiResponse<?> response) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(response, ApiResponse.class, listType(), null, MediaType.APPLICATION_JSON_TYPE, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Type listType() throws NoSuchMethodException {
        return TaskResource.class
                .getMethod(
                        "listByIds",
                        jakarta.ws.rs.core.SecurityContext.class,
                        String.class,
                        jakarta.ws.rs.core.UriInfo.class)
                .getGenericReturnType();
    }
}
