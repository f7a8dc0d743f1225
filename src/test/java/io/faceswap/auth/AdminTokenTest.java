package io.faceswap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.config.DataDirectory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin credential's rules: long enough, kept private, generated safely. */
class AdminTokenTest {

    @TempDir
    Path tmp;

    @Test
    void aConfiguredTokenShorterThan32CharactersStopsTheStart() {
        AdminToken token = token(Optional.of("short-token"), tmp.resolve("data"));
        IllegalStateException e = assertThrows(IllegalStateException.class, token::load);
        assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
        assertTrue(!e.getMessage().contains("short-token"), "the message never quotes the token");
    }

    @Test
    void aGeneratedTokenIsLongAndOnlyItsOwnerCanReadIt() throws Exception {
        Path data = tmp.resolve("data");
        AdminToken token = token(Optional.empty(), data);
        token.load();
        Path file = data.resolve(AdminToken.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(data)),
                "the data directory is private too");
        String secret = Files.readString(file).strip();
        assertTrue(secret.length() >= 32);
        assertTrue(token.matches(secret));
    }

    @Test
    void aTokenFileOthersCanReadOrAnEmptyOneStopsTheStart() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path file = Files.writeString(data.resolve(AdminToken.FILE_NAME), "x".repeat(40));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(IllegalStateException.class, token(Optional.empty(), data)::load);
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThrows(IllegalStateException.class, token(Optional.empty(), data)::load);
    }

    private static AdminToken token(Optional<String> configured, Path dataDir) {
        AdminToken token = new AdminToken();
        token.configured = configured;
        token.dataDirectory = new DataDirectory();
        set(token.dataDirectory, "dataDir", dataDir.toString());
        return token;
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
