package io.faceswap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory as H2 leaves it on the README's run command (755, database 644) is closed to 700 / 600. */
class PrivateFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aDirectoryH2MadeOpenIsClosedWithItsFiles() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("faceswap"));
        Path db = Files.writeString(dir.resolve("faceswap.mv.db"), "h2");
        Path trace = Files.writeString(dir.resolve("faceswap.trace.db"), "trace");
        Path tasks = Files.createDirectory(dir.resolve("tasks"));
        Path outside = Files.writeString(tmp.resolve("elsewhere"), "not ours");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        for (Path p : List.of(dir, tasks)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path p : List.of(db, trace, outside)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertTrue(PrivateFiles.isOpen(dir) && PrivateFiles.isOpen(db));

        List<Path> changed = PrivateFiles.close(dir);

        assertEquals(4, changed.size(), changed::toString);
        assertEquals("rwx------", mode(dir));
        assertEquals("rwx------", mode(tasks));
        assertEquals("rw-------", mode(db));
        assertEquals("rw-------", mode(trace));
        assertEquals("rw-r--r--", mode(outside), "a link is not followed");
        assertFalse(PrivateFiles.isOpen(db));
        assertEquals(List.of(), PrivateFiles.close(dir), "a second start changes nothing");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
