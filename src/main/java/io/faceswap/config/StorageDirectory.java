package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where task media, segments and results live: {@code clipzap.storage.dir} ({@code CLIPZAP_STORAGE_DIR}). In a
 * cluster every node points at the same shared directory, so any node serves any result and a node taking a task
 * over resumes from the segments the previous node wrote. Defaults to the data directory (one node).
 */
@ApplicationScoped
public class StorageDirectory {

    @Inject
    @ConfigProperty(name = "clipzap.storage.dir")
    String storageDir;

    /** The directory itself (created private if missing): files all nodes share, such as the webhook key. */
    public Path root() {
        return DataDirectory.ensure(Path.of(storageDir));
    }

    public Path resolve(String child) {
        return DataDirectory.ensure(Path.of(storageDir).resolve(child));
    }
}
