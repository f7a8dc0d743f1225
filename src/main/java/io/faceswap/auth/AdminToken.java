package io.faceswap.auth;

import io.faceswap.config.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin credential: {@code clipzap.admin.token} when configured; otherwise one generated at first start and kept
 * in a file readable only by the server's user (written, fsynced, then renamed into place). The token itself is
 * never logged, only where to find it. A token shorter than {@value #MIN_LENGTH} characters, or a token file that
 * others may read, stops the application from starting, with a log line that says why.
 */
@ApplicationScoped
public class AdminToken {
    private static final Logger LOG = Logger.getLogger(AdminToken.class.getName());
    static final String FILE_NAME = "admin-token";
    static final int MIN_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "clipzap.admin.token")
    Optional<String> configured;

    @Inject
    DataDirectory dataDirectory;

    private byte[] token;
    private String source;

    @PostConstruct
    void load() {
        Optional<String> fromConfig = configured.map(String::trim).filter(t -> !t.isEmpty());
        if (fromConfig.isPresent()) {
            token = fromConfig.get().getBytes(StandardCharsets.UTF_8);
            source = "configuration (clipzap.admin.token)";
        } else {
            Path file = dataDirectory.root().resolve(FILE_NAME);
            token = readOrCreate(file).getBytes(StandardCharsets.UTF_8);
            source = file.toString();
        }
        if (token.length < MIN_LENGTH) {
            String why = "The admin token from " + source + " has " + token.length + " characters; at least "
                    + MIN_LENGTH + " are required. Set clipzap.admin.token to a longer secret, or delete the file "
                    + "to have one generated.";
            LOG.severe(why);
            throw new IllegalStateException(why);
        }
        LOG.info("Admin token is read from " + source);
    }

    /** Where the token comes from, for operators: a file path or the configuration key. Never the token. */
    public String source() {
        return source;
    }

    /** Names the credential in the audit log without revealing it: the first 12 hex digits of its SHA-256. */
    public String fingerprint() {
        return ApiKeyFormat.hash(new String(token, StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** A token file others can read is a leaked token: refuse it rather than serve with it. */
    private static void requirePrivate(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        var permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream()
                .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            String why = "The admin token file " + file + " is readable by others ("
                    + PosixFilePermissions.toString(permissions) + "); chmod 600 it, or delete it to have a new one";
            LOG.severe(why);
            throw new IllegalStateException(why);
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                requirePrivate(file);
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String fresh = SecureTokens.base62(40);
            Path tmp = Files.createTempFile(
                    file.getParent(),
                    FILE_NAME,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (java.nio.channels.FileChannel out =
                    java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap((fresh + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true); // on disk before the rename makes it the token
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Generated an admin token (no clipzap.admin.token configured)");
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin token file " + file, e);
        }
    }
}
