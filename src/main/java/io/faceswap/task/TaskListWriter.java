package io.faceswap.task;

import io.faceswap.api.ApiResponse;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Writes listbyids' answer, {@code ApiResponse<TaskList>}, with JSON-P straight to the response: the polling hot
 * path of issue 10. Through JSON-B, Yasson built a string first and walked its generic serializer chain (type
 * lookups, a cycle check per object) around our {@link TaskViewSerializer}: about 5% of the request's CPU. The
 * bytes are exactly what JSON-B wrote ({@code TaskListWriterTest} compares them); every other response still goes
 * through JSON-B.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class TaskListWriter implements MessageBodyWriter<ApiResponse<?>> {
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ApiResponse.class
                && genericType instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == TaskResource.TaskList.class;
    }

    @Override
    public void writeTo(
            ApiResponse<?> response,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream entity) {
        try (JsonGenerator g = JSON.createGenerator(new KeptOpen(entity))) {
            write(response, g);
        }
    }

    static void write(ApiResponse<?> response, JsonGenerator g) {
        g.writeStartObject();
        g.write("code", response.code());
        if (response.message() == null) {
            g.writeNull("message");
        } else {
            g.write("message", response.message());
        }
        if (response.data() instanceof TaskResource.TaskList tasks) {
            g.writeStartObject("data");
            g.writeStartArray("list");
            for (TaskView task : tasks.list()) {
                TaskViewSerializer.write(task, g);
            }
            g.writeEnd();
            g.writeEnd();
        } else {
            g.writeNull("data");
        }
        g.writeEnd();
    }

    /** Closing the generator returns its buffer to JSON-P's pool; the response stream is the server's to close. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
