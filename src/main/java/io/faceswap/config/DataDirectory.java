package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's own directory for files (admin token, task media, results): {@code clipzap.data.dir}. */
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

    private static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dir, e);
        }
    }
}
