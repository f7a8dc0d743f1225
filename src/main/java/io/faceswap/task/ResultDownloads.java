package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends a task's result (an MP4, or a photo task's JPEG or PNG, with its content type) with single byte ranges
 * (players seek, downloads resume), for the sk download and the signed link alike: whoever asked has already been
 * checked.
 */
@ApplicationScoped
public class ResultDownloads {

    @Inject
    TaskFiles files;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/downloads")
    ManagedExecutorService downloads;

    public void serve(FaceSwapTask task, String range, AsyncResponse async) {
        String id = task.getId();
        if (task.getTakenDownAt() != null) {
            throw new ApiException(ErrorCode.RESULT_TAKEN_DOWN);
        }
        if (task.getDeletedAt() != null) {
            throw new ApiException(ErrorCode.RESULT_DELETED);
        }
        if (task.isExpired()) {
            throw new ApiException(ErrorCode.RESULT_EXPIRED);
        }
        Path result = files.result(id);
        if (task.getStatus() != TaskStatus.SUCCEEDED || !Files.isRegularFile(result)) {
            throw new ApiException(
                    ErrorCode.RESULT_NOT_READY,
                    "Task " + id + " is " + task.getStatus().wire());
        }
        long size = size(result);
        ByteRange r = ByteRange.parse(range, size);
        Response.ResponseBuilder response = Response.status(r.partial() ? 206 : 200)
                .type(TaskFiles.contentType(result))
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", r.length())
                .header("Content-Disposition", "attachment; filename=\"" + id + extension(result) + "\"")
                .entity(new FileRangeOutput(result, r.start(), r.length()));
        if (r.partial()) {
            response.header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size);
        }
        stream(response.build(), async);
    }

    /**
     * The body goes out from the downloads executor: a slow client holds one of its threads for as long as it
     * reads, not one of the few HTTP workers that answer polls (server.cli sizes those for CPU-bound work).
     */
    private void stream(Response response, AsyncResponse async) {
        try {
            downloads.execute(() -> async.resume(response));
        } catch (RejectedExecutionException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Too many downloads in progress; retry shortly", e);
        }
    }

    private static String extension(Path result) {
        String name = result.getFileName().toString();
        return name.substring(name.lastIndexOf('.'));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
