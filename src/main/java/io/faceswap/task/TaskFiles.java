package io.faceswap.task;

import io.faceswap.config.StorageDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a task's files live: {@code <storage dir>/tasks/<id>/} with inputs, segments and the result. */
@ApplicationScoped
public class TaskFiles {

    @Inject
    StorageDirectory storage;

    public Path dir(String taskId) {
        if (!taskId.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("Not a task id: " + taskId); // never let an id escape the tree
        }
        return storage.resolve("tasks").resolve(taskId);
    }

    public Path image(String taskId) {
        return dir(taskId).resolve("input-image");
    }

    public Path video(String taskId) {
        return dir(taskId).resolve("input-video");
    }

    public Path segments(String taskId) {
        return dir(taskId).resolve("segments");
    }

    public Path result(String taskId) {
        return dir(taskId).resolve("result.mp4");
    }

    /** Deletes everything but the result (after success) or everything (after failure, cancel or expiry). */
    public void clean(String taskId, boolean keepResult) {
        Path dir = dir(taskId);
        Path result = result(taskId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                if (!(keepResult && (p.equals(result) || p.equals(dir)))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + dir, e);
        }
    }
}
