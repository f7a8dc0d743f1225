package io.faceswap.provenance;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official C2PA reader, npm {@code @contentauth/c2pa-wasm} (c2pa-rs compiled to WebAssembly), run under Node.
 * Installed once into {@code target/c2pa-reader} at the pinned version. {@link #unavailable()} says why it cannot run.
 */
public final class OfficialReader {
    public static final String PACKAGE = "@contentauth/c2pa-wasm@0.13.3";
    private static final Path DIR = Path.of("target", "c2pa-reader").toAbsolutePath();
    private static String unavailable;
    private static boolean installed;

    private OfficialReader() {}

    /** Null when the reader can run here, otherwise the reason it cannot. */
    public static synchronized String unavailable() {
        if (installed || unavailable != null) {
            return unavailable;
        }
        try {
            if (run(List.of("node", "--version"), Path.of(".")).exitCode != 0) {
                return unavailable = "node does not run";
            }
            Files.createDirectories(DIR);
            try (InputStream script = OfficialReader.class.getResourceAsStream("/c2pa-reader/read.mjs")) {
                Files.write(DIR.resolve("read.mjs"), script.readAllBytes());
            }
            if (!Files.exists(DIR.resolve("node_modules/@contentauth/c2pa-wasm/package.json"))) {
                Files.writeString(DIR.resolve("package.json"), "{\"private\": true}");
                Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", PACKAGE), DIR);
                if (npm.exitCode != 0) {
                    return unavailable = "npm install " + PACKAGE + " failed: " + npm.output;
                }
            }
            installed = true;
            return null;
        } catch (IOException e) {
            return unavailable = "node or npm is missing (" + e.getMessage() + ")";
        }
    }

    /** The reader's verdict on each file, in one run of Node: {found, store} or {found: false, error}. */
    public static Map<Path, JsonObject> read(List<Path> files) throws IOException {
        List<String> command =
                new ArrayList<>(List.of("node", DIR.resolve("read.mjs").toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Result r = run(command, DIR);
        if (r.exitCode != 0) {
            throw new IOException("The reader failed: " + r.output);
        }
        Map<Path, JsonObject> verdicts = new HashMap<>();
        r.output.lines().filter(l -> l.startsWith("{")).forEach(line -> {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject verdict = reader.readObject();
                verdicts.put(Path.of(verdict.getString("file")), verdict);
            }
        });
        Map<Path, JsonObject> byArgument = new HashMap<>();
        files.forEach(f -> byArgument.put(f, verdicts.get(f.toAbsolutePath())));
        return byArgument;
    }

    /** The validation status codes the reader reported as failures for the active manifest. */
    public static List<String> failures(JsonObject verdict) {
        return codes(verdict, "failure");
    }

    /** The validation status codes the reader reported as successes for the active manifest. */
    public static List<String> successes(JsonObject verdict) {
        return codes(verdict, "success");
    }

    public static JsonObject activeManifest(JsonObject verdict) {
        JsonObject store = verdict.getJsonObject("store");
        return store.getJsonObject("manifests").getJsonObject(store.getString("active_manifest"));
    }

    private static List<String> codes(JsonObject verdict, String kind) {
        List<String> codes = new ArrayList<>();
        JsonObject store = verdict.getJsonObject("store");
        if (store.containsKey("validation_results")) {
            JsonObject active = store.getJsonObject("validation_results").getJsonObject("activeManifest");
            if (active != null && active.containsKey(kind)) {
                active.getJsonArray(kind)
                        .forEach(v -> codes.add(v.asJsonObject().getString("code")));
            }
        }
        return codes;
    }

    record Result(int exitCode, String output) {}

    private static Result run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
