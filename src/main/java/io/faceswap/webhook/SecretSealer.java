package io.faceswap.webhook;

import io.faceswap.config.PrivateFiles;
import io.faceswap.config.StorageDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the AES key that seals webhook secrets at rest comes from: {@code clipzap.webhooks.secret-key} (base64 of
 * 16, 24 or 32 bytes) when configured, else {@value #FILE_NAME} in the storage directory, generated at the first
 * start (mode 600). The storage directory is the one every node of a cluster shares, so the nodes share the key;
 * two nodes starting at once on an empty directory both write a candidate and link it into place, which only one
 * link can do, and both then read the winner. A key file others can read stops the application, as the admin
 * token file does. The key is never logged.
 */
@ApplicationScoped
public class SecretSealer {
    private static final Logger LOG = Logger.getLogger(SecretSealer.class.getName());
    static final String FILE_NAME = "webhook-secret.key";

    @Inject
    @ConfigProperty(name = "clipzap.webhooks.secret-key")
    Optional<String> configured;

    @Inject
    StorageDirectory storage;

    private SealedSecrets sealed;

    @PostConstruct
    void load() {
        Optional<String> fromConfig = configured.map(String::trim).filter(k -> !k.isEmpty());
        if (fromConfig.isPresent()) {
            sealed = new SealedSecrets(key(fromConfig.get(), "clipzap.webhooks.secret-key"));
            LOG.info("Webhook secrets are sealed with the key from clipzap.webhooks.secret-key");
        } else {
            Path file = storage.root().resolve(FILE_NAME);
            sealed = new SealedSecrets(key(readOrCreate(file), file.toString()));
            LOG.info("Webhook secrets are sealed with the key in " + file);
        }
    }

    /** Loads the key now (the first start generates the file) rather than at the first roll. */
    void ready() {
        // the call itself makes the container create the bean
    }

    String seal(String id, String secret) {
        return sealed.seal(id, secret);
    }

    String open(String id, String sealedValue) {
        return sealed.open(id, sealedValue);
    }

    private static SecretKey key(String base64, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The webhook secret key from " + source + " is not base64");
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException("The webhook secret key from " + source + " has " + raw.length
                    + " bytes; an AES key has 16, 24 or 32 (e.g. `head -c 32 /dev/urandom | base64`)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path candidate = Files.createTempFile(
                        file.getParent(),
                        FILE_NAME,
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    try (var out =
                            java.nio.channels.FileChannel.open(candidate, java.nio.file.StandardOpenOption.WRITE)) {
                        out.write(ByteBuffer.wrap(
                                (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.UTF_8)));
                        out.force(true); // on disk before the link makes it the key
                    }
                    Files.createLink(file, candidate); // atomic and never replaces: one node's key wins
                    LOG.info("Generated the webhook secret key (no clipzap.webhooks.secret-key configured)");
                } catch (FileAlreadyExistsException anotherNodeWon) {
                    // read theirs below
                } finally {
                    Files.deleteIfExists(candidate);
                }
            }
            if (PrivateFiles.isOpen(file)) {
                String why = "The webhook secret key file " + file + " is readable by others; chmod 600 it";
                LOG.severe(why);
                throw new IllegalStateException(why);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the webhook secret key file " + file, e);
        }
    }

    /** Thrown when a sealed value does not open: another key, or a value moved to another row. */
    static final class WrongKey extends IllegalStateException {
        WrongKey(String id, GeneralSecurityException cause) {
            super(
                    "The webhook secret " + id + " does not open with this key (was clipzap.webhooks.secret-key or "
                            + FILE_NAME + " changed?)",
                    cause);
        }
    }
}
