package io.faceswap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This server's node id in the cluster: {@code clipzap.node.id} ({@code CLIPZAP_NODE_ID}) when set, otherwise one
 * generated at the first start and kept in the server's own data directory. Unique per server, so two servers never
 * mistake each other's tasks for their own (a host name is not: containers get new ones, copies share them).
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
        try {
            if (!Files.exists(file)) {
                Path tmp = Files.writeString(file.resolveSibling("node-id.tmp"),
                        "node-" + UUID.randomUUID().toString().substring(0, 13), StandardCharsets.US_ASCII);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the node id in " + file, e);
        }
    }
}
