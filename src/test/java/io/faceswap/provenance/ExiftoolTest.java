package io.faceswap.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** exiftool (Debian's libimage-exiftool-perl) reads the IPTC digital source type from every kind of result. */
class ExiftoolTest {
    @TempDir
    static Path dir;

    static Provenance provenance;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(
                exiftool("-ver").exitValue == 0, "exiftool is not installed (apt-get install libimage-exiftool-perl)");
        provenance = new Provenance(
                SigningCredentials.development(dir, "faceswap-test"),
                new Provenance.Generator("faceswap-api", "0.1.0"));
    }

    @ParameterizedTest
    @EnumSource(TestResults.Kind.class)
    void exiftoolShowsTheDigitalSourceType(TestResults.Kind kind) throws Exception {
        Path file = TestResults.make(kind, dir);
        String before = exiftool("-j", "-XMP-iptcExt:DigitalSourceType", file.toString()).output;
        assertTrue(!before.contains("DigitalSourceType"), before);

        provenance.mark(file, "task-1");

        Run run = exiftool("-j", "-G1", "-XMP-iptcExt:DigitalSourceType", file.toString());
        assertEquals(0, run.exitValue, run.output);
        JsonObject tags =
                Json.createReader(new StringReader(run.output)).readArray().getJsonObject(0);
        assertEquals(ManifestStore.DIGITAL_SOURCE_TYPE, tags.getString("XMP-iptcExt:DigitalSourceType"), run.output);
    }

    record Run(int exitValue, String output) {}

    static Run exiftool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "exiftool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("exiftool timed out");
        }
        return new Run(p.exitValue(), out);
    }
}
