package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's own directory for files (admin token, node id, and by default task media and results):
 * {@code clipzap.data.dir}. Created readable by the server's user only: it holds secrets and customers' media.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "clipzap.data.dir")
    String dataDir;

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
