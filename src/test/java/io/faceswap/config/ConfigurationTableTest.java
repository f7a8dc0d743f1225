package io.faceswap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings' three views agree: the defaults file ({@code microprofile-config.properties}, which holds every
 * default and names the keys without one in comments), the configuration table of {@code docs/configuration.md}
 * (the README links there), and the keys the code reads.
 */
class ConfigurationTableTest {
    private static final Path PROPERTIES = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Path TABLE = Path.of("docs/configuration.md");
    private static final Path SOURCES = Path.of("src/main/java");

    /** A key the file names without a value: {@code #clipzap.admin.token=} on a line of its own. */
    private static final Pattern WITHOUT_DEFAULT = Pattern.compile("^#(clipzap\\.[a-z0-9.-]+)=$");
    /** A key as the code reads it: {@code @ConfigProperty(name = "...")} or {@code config.getValue("...", ...)}. */
    private static final Pattern READ_IN_CODE =
            Pattern.compile("(?:name\\s*=\\s*|get(?:Optional)?Values?\\(\\s*)\"(clipzap\\.[a-z0-9.-]+)\"");

    /** The file's {@code mp.*} keys wire MicroProfile OpenAPI to the application: not settings of an operator's. */
    @Test
    void everyClipzapKeyOfTheDefaultsFileIsInTheTable() throws IOException {
        Set<String> missing = new TreeSet<>(fileKeys());
        missing.removeIf(k -> !k.startsWith("clipzap."));
        missing.removeAll(table().keySet());
        assertEquals(Set.of(), missing, "keys of " + PROPERTIES + " missing from the table of " + TABLE);
    }

    @Test
    void everyClipzapKeyOfTheTableIsInTheDefaultsFile() throws IOException {
        Set<String> missing = new TreeSet<>(table().keySet());
        missing.removeIf(k -> !k.startsWith("clipzap."));
        missing.removeAll(fileKeys());
        assertEquals(
                Set.of(),
                missing,
                "keys of the table of " + TABLE + " missing from " + PROPERTIES
                        + " (a key without a default goes there as a comment: #key=)");
    }

    @Test
    void theTableStatesTheDefaultsOfTheFile() throws IOException {
        Properties defaults = defaults();
        List<String> wrong = new ArrayList<>();
        table().forEach((key, cell) -> {
            String value = defaults.getProperty(key);
            String stated = cell.replace("`", "");
            if (value != null && !stated.equals(value) && !stated.startsWith(value + " (")) {
                wrong.add(key + ": the table says '" + stated + "', the file '" + value + "'");
            }
        });
        assertEquals(List.of(), wrong, "defaults in " + TABLE + " that differ from " + PROPERTIES);
    }

    @Test
    void everyKeyTheCodeReadsIsInTheDefaultsFile() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = READ_IN_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertTrue(read.size() > 50, "the scan found the settings: " + read);
        read.removeAll(fileKeys());
        assertEquals(Set.of(), read, "keys read in " + SOURCES + " missing from " + PROPERTIES);
    }

    /** The keys with a default, and those named without one. */
    private static Set<String> fileKeys() throws IOException {
        Set<String> keys = new TreeSet<>(defaults().stringPropertyNames());
        for (String line : Files.readAllLines(PROPERTIES)) {
            Matcher m = WITHOUT_DEFAULT.matcher(line.strip());
            if (m.matches()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static Properties defaults() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(PROPERTIES)) {
            p.load(r);
        }
        return p;
    }

    /**
     * Key to stated default, from the rows of the table. A row may name several keys, {@code `a.b.c` / `d`}: a later
     * name replaces as many trailing segments of the first as it has ({@code a.b.d}), and the default column then
     * gives one value each, separated the same way ({@code 60 / 15}).
     */
    static Map<String, String> table() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String[] names = cells[1].strip().split(" / ");
            String[] values = cells[2].strip().split(" / ");
            String first = unquote(names[0]);
            for (int i = 0; i < names.length; i++) {
                String name = unquote(names[i]);
                String key = i == 0 ? name : replaceTail(first, name);
                keys.put(key, unquote(values.length == names.length ? values[i] : cells[2].strip()));
            }
        }
        assertTrue(keys.size() > 50, "the table was read: " + keys.keySet());
        return keys;
    }

    private static String replaceTail(String first, String tail) {
        String[] head = first.split("\\.");
        int keep = head.length - tail.split("\\.").length;
        return String.join(".", List.of(head).subList(0, keep)) + "." + tail;
    }

    private static String unquote(String s) {
        return s.strip().replaceAll("^`|`$", "");
    }
}
