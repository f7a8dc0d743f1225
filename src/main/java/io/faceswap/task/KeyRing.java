package io.faceswap.task;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys that sign result links: the first signs new links, every one verifies (so a roll, which puts a new key
 * first and keeps the old ones, breaks no link already handed out). Text form, one key a line: {@code <id> <secret>}
 * with the secret in base64url (at least 32 bytes); blank lines and {@code #} comments are ignored. The same form
 * (lines joined by commas) is accepted from {@code clipzap.results.signing-keys}.
 */
public record KeyRing(List<Key> keys) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    public record Key(String id, byte[] secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]"; // never the secret
        }
    }

    public KeyRing {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No result-link signing key");
        }
        keys = List.copyOf(keys);
    }

    public Key current() {
        return keys.get(0);
    }

    public Optional<Key> byId(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public static KeyRing parse(String text) {
        List<Key> keys = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\n")) {
            if (!line.strip().startsWith("#")) {
                entries.addAll(List.of(line.split(","))); // the config value's form
            }
        }
        for (String entry : entries) {
            String l = entry.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("[\\s:]+", 2);
            if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("A signing key line must be '<id> <base64url secret>'");
            }
            byte[] secret = Base64.getUrlDecoder().decode(parts[1].strip());
            if (secret.length < 32) {
                throw new IllegalArgumentException("Signing key " + parts[0] + " is shorter than 32 bytes");
            }
            if (keys.stream().anyMatch(k -> k.id().equals(parts[0]))) {
                throw new IllegalArgumentException("Signing key id " + parts[0] + " appears twice");
            }
            keys.add(new Key(parts[0], secret));
        }
        return new KeyRing(keys);
    }

    /** The ring with {@code key} first, keeping at most {@code keep} keys in all (the oldest go). */
    public KeyRing rolled(Key key, int keep) {
        List<Key> all = new ArrayList<>();
        all.add(key);
        keys.stream().limit(Math.max(0, keep - 1)).forEach(all::add);
        return new KeyRing(all);
    }

    public String text() {
        StringBuilder b = new StringBuilder(
                "# result-link signing keys: the first signs, all verify; see the README (Result links)\n");
        for (Key k : keys) {
            b.append(k.id())
                    .append(' ')
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(k.secret()))
                    .append('\n');
        }
        return b.toString();
    }
}
