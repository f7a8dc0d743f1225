package io.faceswap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redocly CLI (recommended rules) and Spectral (spectral:oas), pinned npm versions installed into target/ at test
 * time, find no error and no warning in the committed contract (which TypedClientIT proves /openapi serves). Rules
 * are configured only in src/main/openapi/redocly.yaml and .spectral.yaml. Skipped, saying why, without node/npm.
 */
class ContractLintTest {
    private static final String REDOCLY = "@redocly/cli@2.77.0";
    private static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    private static final Path TOOLS = Path.of("target/contract-lint");
    private static final String CONTRACT = "src/main/openapi/openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(
                onPath("node") && onPath("npm"), "node and npm are needed to lint the contract (Debian: nodejs npm)");
        if (!Files.exists(TOOLS.resolve("node_modules/.bin/redocly"))
                || !Files.exists(TOOLS.resolve("node_modules/.bin/spectral"))) {
            Files.createDirectories(TOOLS);
            Result npm = run(List.of(
                    "npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", REDOCLY, SPECTRAL));
            assertEquals(0, npm.exit(), npm.output());
        }
    }

    @Test
    void redoclyRecommendedFindsNothing() throws Exception {
        Result r = run(List.of(
                TOOLS.resolve("node_modules/.bin/redocly").toString(),
                "lint",
                CONTRACT,
                "--config",
                "src/main/openapi/redocly.yaml",
                "--format=json"));
        JsonNode json = JSON.readTree(r.output().substring(r.output().indexOf('{')));
        System.out.println("Redocly " + REDOCLY + ": " + json.get("totals"));
        assertEquals(0, json.at("/totals/errors").asInt(), r.output());
        assertEquals(0, json.at("/totals/warnings").asInt(), r.output());
    }

    @Test
    void spectralOasFindsNothing() throws Exception {
        Result r = run(List.of(
                TOOLS.resolve("node_modules/.bin/spectral").toString(),
                "lint",
                "-r",
                "src/main/openapi/.spectral.yaml",
                "--format",
                "json",
                "--fail-severity",
                "hint",
                CONTRACT));
        JsonNode results = JSON.readTree(r.output().substring(r.output().indexOf('[')));
        long errors = count(results, 0);
        long warnings = count(results, 1);
        System.out.println("Spectral " + SPECTRAL + ": errors=" + errors + " warnings=" + warnings);
        assertEquals(0, errors, r.output());
        assertEquals(0, warnings, r.output());
    }

    private static long count(JsonNode results, int severity) {
        long n = 0;
        for (JsonNode result : results) {
            n += result.get("severity").asInt() == severity ? 1 : 0;
        }
        return n;
    }

    record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        File log = Files.createTempFile(Path.of("target"), "lint", ".log").toFile();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectOutput(log)
                .redirectError(ProcessBuilder.Redirect.DISCARD) // Redocly's Node 20 end-of-life banner
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        List<String> dirs =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
