package io.faceswap.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Closes a directory to other local users: the directory and its sub-directories 700, its files 600 (one level
 * deep: deeper ones are already inside a closed directory). Needed because the application is not the first to
 * write there: on the README's run command H2 creates {@code data/faceswap} (755) and its database file, which is
 * also the job repository (644), when the datasource starts, before the application does. No-op on a file system
 * without POSIX permissions.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Tightens {@code dir} and what it holds; returns the paths it changed (for the log). */
    public static List<Path> close(Path dir) {
        List<Path> changed = new ArrayList<>();
        if (!Files.isDirectory(dir)
                || !dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return changed;
        }
        try {
            set(dir, DIRECTORY, changed);
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    if (Files.isSymbolicLink(child)) {
                        continue; // never chmod through a link to somewhere else
                    }
                    set(child, Files.isDirectory(child) ? DIRECTORY : FILE, changed);
                }
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + dir + " private (chmod 700/600 it by hand)", e);
        }
    }

    /** Whether group or others may do anything with {@code path}. */
    public static boolean isOpen(Path path) throws IOException {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                && Files.getPosixFilePermissions(path).stream()
                        .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    }

    private static void set(Path path, Set<PosixFilePermission> wanted, List<Path> changed) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
                changed.add(path);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a temporary file that went away meanwhile: nothing to close
        }
    }
}
