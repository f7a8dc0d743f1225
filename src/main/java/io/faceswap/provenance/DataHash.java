package io.faceswap.provenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data-hash binding of a file that holds its manifest in one contiguous run of bytes (JPEG's APP11 segments,
 * PNG's caBX chunk): SHA-256 over every byte but that run, which the assertion names as its one exclusion. The run's
 * length depends on the manifest, whose size depends on the length written in it: it is settled by building the
 * store until its size stops changing (the hash, 32 bytes, never changes the size).
 */
final class DataHash {
    static final String LABEL = "c2pa.hash.data";

    private DataHash() {}

    /**
     * @param start where the manifest's run begins in the output
     * @param wrap the manifest store wrapped into the container's run (segments, chunk)
     * @param assemble the whole output with the given run in place
     */
    static byte[] bind(
            ManifestStore store, long start, Function<byte[], byte[]> wrap, Function<byte[], byte[]> assemble) {
        byte[] run = new byte[0];
        for (int attempt = 0; attempt < 6; attempt++) {
            byte[] next = wrap.apply(store.build(LABEL, assertion(start, run.length, new byte[32])));
            if (next.length == run.length) {
                byte[] placeholder = assemble.apply(next);
                byte[] hash = hashExcluding(placeholder, (int) start, next.length);
                byte[] signed = wrap.apply(store.build(LABEL, assertion(start, next.length, hash)));
                if (signed.length != next.length) {
                    throw new IllegalStateException("The manifest changed size when its hash was filled in");
                }
                return assemble.apply(signed);
            }
            run = next;
        }
        throw new IllegalStateException("The manifest's size did not settle");
    }

    static Map<String, Object> assertion(long start, long length, byte[] hash) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("start", start);
        range.put("length", length);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exclusions", List.of(range));
        m.put("name", "jumbf manifest");
        m.put("alg", "sha256");
        m.put("hash", hash);
        m.put("pad", new byte[0]);
        return m;
    }

    static byte[] hashExcluding(byte[] data, int start, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, start);
            digest.update(data, start + length, data.length - start - length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
