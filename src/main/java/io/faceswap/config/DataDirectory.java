package io.faceswap.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's own directory for files (admin token, node id, and by default task media and results):
 * {@code clipzap.data.dir}. Readable by the server's user only: it holds secrets, customers' media and, on the
 * default H2 datasource, the database. Created so; and since H2 creates it first on the default setup, closed at
 * start (before the schema migration) together with the files already in it ({@link PrivateFiles}).
 */
@ApplicationScoped
public class DataDirectory {
    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    @Inject
    @ConfigProperty(name = "clipzap.data.dir")
    String dataDir;

    void closeAtStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        List<Path> changed = PrivateFiles.close(root());
        if (!changed.isEmpty()) {
            LOG.info(() -> "Closed to other users (700 directories, 600 files): " + changed);
        }
    }

    public Path root() {
        return ensure(Path.of(dataDir));
    }

    public Path resolve(String child) {
        return ensure(root().resolve(child));
    }

    static Path ensure(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return dir;
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory " + dir, e);
        }
    }
}
