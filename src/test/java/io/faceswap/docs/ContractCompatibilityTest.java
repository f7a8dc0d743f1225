package io.faceswap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The committed contract (src/main/openapi/openapi.yaml) may change only compatibly against main's copy: a removed
 * path or operation, a removed response field, a new required parameter ... fails here unless its operation is
 * listed, with a reason, in src/main/openapi/accepted-breaking-changes.txt. Checked with openapi-diff.
 */
class ContractCompatibilityTest {
    private static final Path CONTRACT = Path.of("src/main/openapi/openapi.yaml");
    private static final Path ACCEPTED = Path.of("src/main/openapi/accepted-breaking-changes.txt");

    @Test
    void theContractBreaksNoClientOfMainsCopyUnlessDeclared() throws Exception {
        String baseline = baseline();
        assumeTrue(baseline != null, "no copy of " + CONTRACT + " on main to compare with (no git, or a new file)");
        Set<String> breaking = breakingChanges(baseline, Files.readString(CONTRACT));
        breaking.removeAll(accepted());
        assertTrue(
                breaking.isEmpty(),
                () -> "Breaking changes of the contract against main: " + breaking + ". Keep clients working, or "
                        + "declare each (METHOD /path, then a reason) in " + ACCEPTED);
    }

    @Test
    void aRemovedOperationAndARemovedFieldAreBreaking() throws Exception {
        String current = Files.readString(CONTRACT);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode changed = (ObjectNode) yaml.readTree(current);
        ((ObjectNode) changed.get("paths")).remove("/v1/faceswap_openapi/cancel");
        ((ObjectNode) changed.at("/components/schemas/FaceSwapTask/properties")).remove("status");
        Set<String> breaking = breakingChanges(current, yaml.writeValueAsString(changed));
        assertTrue(breaking.contains("POST /v1/faceswap_openapi/cancel"), breaking::toString);
        assertTrue(breaking.contains("POST /v1/faceswap_openapi/create"), breaking::toString); // answers a FaceSwapTask
        assertEquals(Set.of(), breakingChanges(current, current));
    }

    /** Each operation that a client of {@code before} would find gone or changed incompatibly, as METHOD /path. */
    static Set<String> breakingChanges(String before, String after) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(before, after);
        Set<String> breaking = new TreeSet<>();
        for (Endpoint e : diff.getMissingEndpoints()) {
            breaking.add(e.getMethod() + " " + e.getPathUrl());
        }
        for (ChangedOperation o : diff.getChangedOperations()) {
            if (o.isIncompatible()) {
                breaking.add(o.getHttpMethod() + " " + o.getPathUrl());
            }
        }
        if (diff.isIncompatible() && breaking.isEmpty()) {
            breaking.add("the document as a whole");
        }
        return breaking;
    }

    private static Set<String> accepted() throws IOException {
        Set<String> accepted = new TreeSet<>();
        if (Files.exists(ACCEPTED)) {
            for (String line : Files.readAllLines(ACCEPTED)) {
                String entry = line.replaceFirst("#.*", "").trim();
                if (!entry.isEmpty()) {
                    String[] words = entry.split("\\s+");
                    accepted.add(words[0] + " " + words[1]);
                }
            }
        }
        return accepted;
    }

    /** main's copy (at the merge base, so that main moving on does not blame this branch), or null. */
    private static String baseline() {
        String base = git("merge-base", "HEAD", System.getProperty("contract.baseline", "main"));
        return base == null ? null : git("show", base.trim() + ":" + CONTRACT);
    }

    private static String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0
                    ? new String(out, StandardCharsets.UTF_8)
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
