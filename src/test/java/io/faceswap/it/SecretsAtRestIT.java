package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.config.DataDirectory;
import io.faceswap.config.StorageDirectory;
import io.faceswap.webhook.SecretSealing;
import io.faceswap.webhook.WebhookSecrets;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * In the container, on the provisioned server laid out as the README's run command leaves it (issue 29 item 7): the
 * data directory is 700 and the files in it (the H2 database, which is also the job repository, the admin token,
 * the webhook key) 600, though H2 made them 755 / 644 before the application started; a webhook secret read straight
 * from the database is not the secret but opens to it; rows stored in the clear before V4 are sealed, once each,
 * even by two sealers racing (two nodes starting together).
 */
class SecretsAtRestIT extends InContainerIT {

    @Inject
    WebhookSecrets secrets;

    @Inject
    SecretSealing sealing;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    StorageDirectory storage;

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    @Test
    void theDataDirectoryIsClosedToOtherUsers() throws Exception {
        Path root = dataDirectory.root();
        assertEquals("rwx------", mode(root), root.toString());
        List<String> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isRegularFile).toList()) {
                files.add(child.getFileName() + " " + mode(child));
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.startsWith("faceswap.mv.db ")), files::toString);
        assertTrue(files.stream().anyMatch(f -> f.startsWith("webhook-secret.key ")), files::toString);
        assertTrue(files.stream().allMatch(f -> f.endsWith(" rw-------")), files::toString);
        assertEquals("rw-------", mode(storage.root().resolve("webhook-secret.key")));
    }

    @Test
    void aSecretReadStraightFromTheDatabaseIsNotTheSecret() throws Exception {
        String user = "at-rest-" + Long.toHexString(System.nanoTime());
        WebhookSecrets.Rolled rolled = secrets.roll(user, Duration.ZERO);
        String[] row = row(rolled.id());
        assertNull(row[0], "no clear value");
        assertTrue(row[1].startsWith("v1:"), row[1]);
        assertFalse(row[1].contains(rolled.secret()) || row[1].contains("whsec_"), row[1]);
        assertEquals(List.of(rolled.secret()), secrets.signingSecrets(user), "and it opens to the secret");
    }

    @Test
    void clearRowsAreSealedOnceEachEvenByTwoNodesAtOnce() throws Exception {
        String user = "clear-" + Long.toHexString(System.nanoTime());
        List<String> clear = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String secret = "whsec_clear" + i + "x"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
            insertClear(user, secret, OffsetDateTime.now().minusSeconds(i));
            clear.add(secret);
        }
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(sealing::sealClearRows);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(sealing::sealClearRows);
        assertEquals(20, a.get() + b.get(), "each row sealed by exactly one");
        assertEquals(0, sealing.sealClearRows(), "idempotent");
        assertEquals(clear, secrets.signingSecrets(user), "newest first, as stored");
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from webhook_secret where userId = ? and (secretValue is not null "
                                + "or secretSealed is null)")) {
            q.setString(1, user);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "nothing left in the clear");
            }
        }
    }

    private String[] row(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("select secretValue, secretSealed from webhook_secret where id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), id);
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private void insertClear(String user, String secret, OffsetDateTime at) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into webhook_secret (id, userId, secretValue, createdAt) values (?, ?, ?, ?)")) {
            insert.setString(
                    1, String.format("%024x", ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
            insert.setString(2, user);
            insert.setString(3, secret);
            insert.setObject(4, at);
            insert.executeUpdate();
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
