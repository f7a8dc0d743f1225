package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's node id in the cluster: {@code clipzap.node.id} ({@code CLIPZAP_NODE_ID}) when set, otherwise one
 * generated at the first start and kept in the server's own data directory. Unique per server, so two servers never
 * mistake each other's tasks for their own (a host name is not: containers get new ones, copies share them). The
 * file also records which directory it was made in: a data directory copied to make another server (a common way to
 * clone one) gets a new id instead of its original's.
 */
@ApplicationScoped
public class NodeIdentity {
    private static final Logger LOG = Logger.getLogger(NodeIdentity.class.getName());

    @Inject
    @ConfigProperty(name = "clipzap.node.id")
    Optional<String> configured;

    @Inject
    DataDirectory dataDirectory;

    private volatile String id;

    public String id() {
        String known = id;
        if (known == null) {
            synchronized (this) {
                if (id == null) {
                    id = configured.filter(s -> !s.isBlank()).map(String::strip).orElseGet(this::stored);
                    LOG.info("Node id " + id);
                }
                known = id;
            }
        }
        return known;
    }

    private String stored() {
        Path file = dataDirectory.root().resolve("node-id");
        String here = dataDirectory.root().toAbsolutePath().normalize().toString();
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && lines.get(1).equals(here)) {
                    return lines.get(0).strip();
                }
                LOG.info("The node id file was made for another data directory (a copy): this server gets its own");
            }
            String fresh = "node-" + UUID.randomUUID().toString().substring(0, 13);
            Path tmp = Files.writeString(
                    file.resolveSibling("node-id.tmp"), fresh + "\n" + here + "\n", StandardCharsets.UTF_8);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PrivateFiles.FILE); // written after the start closed the directory
            }
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the node id in " + file, e);
        }
    }
}
