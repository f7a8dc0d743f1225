package io.faceswap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed Prometheus alert rules pass Prometheus's own checker, and its rule unit tests (each alert fires on
 * the series it is meant for, with the labels and text an operator gets). Skipped where promtool is missing
 * (Debian's prometheus package has it; .ci/run installs it).
 */
class AlertRulesTest {
    private static final Path RULES = Path.of("ops", "prometheus");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        assertEquals("", run("check", "rules", "clipzap-alerts.yml"));
    }

    @Test
    void eachAlertFiresOnItsSeries() throws Exception {
        assertEquals("", run("test", "rules", "clipzap-alerts-test.yml"));
    }

    /** Runs promtool in the rules' directory; returns "" on success, else its output (the assertion shows it). */
    private static String run(String... args) throws IOException, InterruptedException {
        Optional<Path> promtool = Stream.of(
                        System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
        Assumptions.assumeTrue(
                promtool.isPresent(), "No promtool on this machine (Debian: apt-get install prometheus)");
        Process p = new ProcessBuilder(Stream.concat(Stream.of(promtool.get().toString()), Stream.of(args))
                        .toList())
                .directory(RULES.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "promtool did not finish in 60 s: " + output;
        }
        return p.exitValue() == 0 ? "" : String.join(" ", List.of(args)) + " failed:\n" + output;
    }
}
