package io.faceswap.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Marks a finished result as synthetic: XMP with the IPTC digital source type, and a signed C2PA manifest bound to
 * the file's bytes. The kind of file (JPEG, PNG, MP4) is read from its first bytes. The file is replaced atomically,
 * so a reader never sees it half marked.
 */
public final class Provenance {
    /** The service as a claim generator: its name and version. */
    public record Generator(String name, String version) {}

    private final CoseSigner signer;
    private final Generator generator;

    public Provenance(CoseSigner signer, Generator generator) {
        this.signer = signer;
        this.generator = generator;
    }

    /** Marks {@code file} in place. */
    public void mark(Path file, String taskId) throws IOException {
        mark(file, file, taskId);
    }

    /** Writes {@code in}, marked, to {@code out} (replaced atomically, so it never exists unmarked or half written). */
    public void mark(Path in, Path out, String taskId) throws IOException {
        ManifestStore store = new ManifestStore(signer, generator, taskId);
        Path partial = out.resolveSibling(out.getFileName() + ".c2pa.partial");
        switch (kind(in)) {
            case JPEG -> Files.write(partial, JpegCredentials.mark(Files.readAllBytes(in), store));
            case PNG -> Files.write(partial, PngCredentials.mark(Files.readAllBytes(in), store));
            case MP4 -> Mp4Credentials.mark(in, partial, store);
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Marks {@code in}, a file of the caller's own it may change, and moves it to {@code out} (atomically): an MP4
     * is marked in place, with no copy (its boxes are appended), which is what a result's assembly wants.
     */
    public void markAndMove(Path in, Path out, String taskId) throws IOException {
        if (kind(in) != Kind.MP4) {
            mark(in, out, taskId);
            Files.delete(in);
            return;
        }
        Mp4Credentials.markInPlace(in, new ManifestStore(signer, generator, taskId));
        Files.move(in, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    enum Kind {
        JPEG,
        PNG,
        MP4
    }

    static Kind kind(Path file) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Kind.JPEG;
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Kind.PNG;
        }
        if (n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return Kind.MP4;
        }
        throw new IOException("Not a JPEG, PNG or MP4 file: " + file.getFileName());
    }
}
