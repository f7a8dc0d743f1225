package io.faceswap.task;

import io.faceswap.config.StorageDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where every node gets the same result-link keys: {@code clipzap.results.signing-keys} when set, else the file
 * {@code keys/result-links} (mode 600) in the storage directory all nodes share, made by the first node that needs
 * it. The file is read again when it changes (looked at most once a second), so a roll on one node reaches the
 * others within a second; links signed by a key that was rolled keep working as long as the key stays in the file.
 */
@ApplicationScoped
public class ResultLinkKeys {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ResultLinkKeys.class.getName());
    private static final long LOOK_MILLIS = 1000;
    private static final int KEEP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    StorageDirectory storage;

    @Inject
    @ConfigProperty(name = "clipzap.results.signing-keys")
    Optional<String> configured;

    private volatile KeyRing ring;
    private volatile FileTime ringTime;
    private volatile long lookedAt;

    public KeyRing ring() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            KeyRing r = ring;
            if (r == null) {
                ring = r = KeyRing.parse(configured.get());
            }
            return r;
        }
        long now = System.currentTimeMillis();
        if (ring == null || now - lookedAt > LOOK_MILLIS) {
            reload();
            lookedAt = now;
        }
        return ring;
    }

    /** A key id a link names that this node does not know yet: another node may have just rolled. */
    public KeyRing ringFresh() {
        if (configured.isEmpty() || configured.get().isBlank()) {
            reload();
            lookedAt = System.currentTimeMillis();
        }
        return ring();
    }

    /** Puts a new key first (it signs from now on) and keeps the previous ones; false when keys come from config. */
    public synchronized boolean roll() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return false;
        }
        KeyRing rolled = ringFresh().rolled(newKey(), KEEP);
        write(file(), rolled, true);
        reload();
        return true;
    }

    private synchronized void reload() {
        Path file = file();
        try {
            if (!Files.exists(file)) {
                write(file, new KeyRing(java.util.List.of(newKey())), false);
            }
            keepPrivate(file);
            FileTime time = Files.getLastModifiedTime(file);
            if (ring == null || !time.equals(ringTime)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                ringTime = time;
                try {
                    ring = KeyRing.parse(text);
                } catch (IllegalArgumentException e) {
                    if (ring == null) {
                        throw e;
                    }
                    // a bad edit must not stop every link: keep signing with the keys last read until it is fixed
                    LOG.warning("The result-link keys " + file + " cannot be used, keeping the previous ones: "
                            + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the result-link keys " + file, e);
        }
    }

    /** A file an operator edited may have come back readable by others: it holds secrets, so it is made 600. */
    private static void keepPrivate(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var owner = PosixFilePermissions.fromString("rw-------");
        if (!Files.getPosixFilePermissions(file).equals(owner)) {
            Files.setPosixFilePermissions(file, owner);
            LOG.warning("The result-link keys " + file + " were readable by others; made 600");
        }
    }

    private Path file() {
        return storage.resolve("keys").resolve("result-links");
    }

    private static KeyRing.Key newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        return new KeyRing.Key(java.util.HexFormat.of().formatHex(id), secret);
    }

    /**
     * Written to a private temporary file and then moved into place: readers never see half a file. The first
     * file is linked, not moved, so two nodes making it at once end with the same one (the loser's link fails).
     */
    private static void write(Path file, KeyRing ring, boolean replace) {
        try {
            Path tmp = Files.createTempFile(
                    file.getParent(),
                    ".result-links",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, ring.text(), StandardCharsets.UTF_8);
                if (replace) {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createLink(file, tmp);
                }
            } catch (FileAlreadyExistsException e) {
                // another node made it first: use theirs
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result-link keys " + file, e);
        }
    }
}
