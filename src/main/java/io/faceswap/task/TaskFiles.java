package io.faceswap.task;

import io.faceswap.config.StorageDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Where a task's files live: {@code <storage dir>/tasks/<id>/} with inputs, segments and the result. */
@ApplicationScoped
public class TaskFiles {
    private static final List<String> RESULT_EXTENSIONS = List.of("jpg", "png");

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

    /** A photo task's target photo (issue 26). */
    public Path targetImage(String taskId) {
        return dir(taskId).resolve("input-target-image");
    }

    /** Face mapping {@code i}'s reference photo (issue 25). */
    public Path reference(String taskId, int i) {
        return dir(taskId).resolve("input-reference-" + i);
    }

    /** Face mapping {@code i}'s own photo, when it names one (issue 25). */
    public Path mappedPhoto(String taskId, int i) {
        return dir(taskId).resolve("input-mapped-" + i);
    }

    public Path segments(String taskId) {
        return dir(taskId).resolve("segments");
    }

    /**
     * The task's result: {@code result.mp4} for a video; {@code result.jpg} or {@code result.png} for a photo,
     * whichever exists ({@link #photoResult}). With none yet, the video's name, where assembly writes it.
     */
    public Path result(String taskId) {
        Path dir = dir(taskId);
        for (String extension : RESULT_EXTENSIONS) {
            Path photo = dir.resolve("result." + extension);
            if (Files.exists(photo)) {
                return photo;
            }
        }
        return dir.resolve("result.mp4");
    }

    /** Where a photo task's result goes: {@code extension} is "jpg" or "png". */
    public Path photoResult(String taskId, String extension) {
        if (!RESULT_EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("Not a photo result: " + extension);
        }
        return dir(taskId).resolve("result." + extension);
    }

    /** The content type a result is served with, from its name. */
    public static String contentType(Path result) {
        String name = result.getFileName().toString();
        return name.endsWith(".jpg") ? "image/jpeg" : name.endsWith(".png") ? "image/png" : "video/mp4";
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
