package io.faceswap.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proof: the official C2PA reader (npm @contentauth/c2pa-wasm, c2pa-rs) finds the manifest on every kind of
 * result, validates its signature and hard binding, and fails nothing but the development certificate's trust; a
 * copy with one byte of media changed is reported as tampered. Skipped, with the reason, where Node cannot run it.
 * All files go to one run of the reader (its WebAssembly takes seconds to load).
 */
class OfficialReaderTest {
    static final String UNTRUSTED = "signingCredential.untrusted";

    @TempDir
    static Path dir;

    static final Map<TestResults.Kind, JsonObject> marked = new EnumMap<>(TestResults.Kind.class);
    static final Map<TestResults.Kind, JsonObject> tampered = new EnumMap<>(TestResults.Kind.class);
    static JsonObject rsaSigned;
    static JsonObject movedMp4;
    static boolean movedSourceGone;
    static io.faceswap.swap.video.VideoInfo movedInfo;

    @BeforeAll
    static void markAndRead() throws Exception {
        Provenance provenance = new Provenance(
                SigningCredentials.development(dir, "faceswap-test"),
                new Provenance.Generator("faceswap-api", "0.1.0"));
        String why = OfficialReader.unavailable();
        assumeTrue(why == null, why);
        Map<TestResults.Kind, Path> files = new EnumMap<>(TestResults.Kind.class);
        Map<TestResults.Kind, Path> changed = new EnumMap<>(TestResults.Kind.class);
        for (TestResults.Kind kind : TestResults.Kind.values()) {
            Path file = TestResults.make(kind, dir);
            provenance.mark(file, "task-" + kind);
            files.put(kind, file);
            changed.put(kind, TestResults.tampered(file, kind));
        }
        Path rsaDir = java.nio.file.Files.createDirectories(dir.resolve("rsa"));
        SigningCredentials.generate(rsaDir, "faceswap-test", true);
        CoseSigner rsa = SigningCredentials.load(
                rsaDir.resolve(SigningCredentials.DEV_CHAIN), rsaDir.resolve(SigningCredentials.DEV_KEY));
        Path ps256 = TestResults.make(TestResults.Kind.JPEG, dir);
        new Provenance(rsa, new Provenance.Generator("faceswap-api", "0.1.0")).mark(ps256, "task-ps256");
        // as a result's assembly does: the unsigned MP4 is marked in place and moved to the result's name
        Path unsigned = TestResults.make(TestResults.Kind.MP4_WITH_AUDIO, dir);
        Path moved = dir.resolve("moved-result.mp4");
        provenance.markAndMove(unsigned, moved, "task-moved");
        movedSourceGone = !java.nio.file.Files.exists(unsigned);
        movedInfo = io.faceswap.swap.video.VideoProbe.probe(moved, io.faceswap.swap.video.VideoLimits.DEFAULT);
        List<Path> all = new ArrayList<>(files.values());
        all.add(moved);
        all.addAll(changed.values());
        all.add(ps256);
        Map<Path, JsonObject> verdicts = OfficialReader.read(all);
        rsaSigned = verdicts.get(ps256);
        movedMp4 = verdicts.get(moved);
        files.forEach((kind, file) -> marked.put(kind, verdicts.get(file)));
        changed.forEach((kind, file) -> tampered.put(kind, verdicts.get(file)));
    }

    @ParameterizedTest
    @EnumSource(TestResults.Kind.class)
    void readerAcceptsTheResult(TestResults.Kind kind) {
        JsonObject verdict = marked.get(kind);
        assertTrue(verdict.getBoolean("found"), verdict.toString());
        assertEquals(List.of(UNTRUSTED), OfficialReader.failures(verdict), verdict.toString());
        List<String> successes = OfficialReader.successes(verdict);
        assertTrue(successes.contains("claimSignature.validated"), successes.toString());
        assertTrue(successes.contains(bindingCode(kind) + ".match"), successes.toString());
        JsonObject manifest = OfficialReader.activeManifest(verdict);
        String text = manifest.toString();
        assertTrue(text.contains(ManifestStore.DIGITAL_SOURCE_TYPE), text);
        assertTrue(text.contains("\"taskId\":\"task-" + kind + "\""), text);
        assertEquals(
                "faceswap-api",
                manifest.getJsonArray("claim_generator_info").getJsonObject(0).getString("name"));
    }

    @ParameterizedTest
    @EnumSource(TestResults.Kind.class)
    void readerReportsOneChangedByteAsTampered(TestResults.Kind kind) {
        JsonObject verdict = tampered.get(kind);
        assertTrue(verdict.getBoolean("found"), verdict.toString());
        List<String> failures = OfficialReader.failures(verdict);
        assertTrue(failures.contains(bindingCode(kind) + ".mismatch"), failures.toString());
        assertFalse(OfficialReader.successes(verdict).contains(bindingCode(kind) + ".match"));
        assertEquals("Invalid", verdict.getJsonObject("store").getString("validation_state"));
    }

    @org.junit.jupiter.api.Test
    void readerAcceptsAnMp4MarkedInPlaceAndMoved() {
        assertTrue(movedSourceGone, "the unsigned file became the result");
        assertEquals(30, movedInfo.frameCount(), "FFmpeg still reads every frame past the appended boxes");
        assertTrue(movedInfo.hasAudio());
        assertEquals(List.of(UNTRUSTED), OfficialReader.failures(movedMp4), movedMp4.toString());
        assertTrue(OfficialReader.successes(movedMp4).contains("assertion.bmffHash.match"), movedMp4.toString());
    }

    @org.junit.jupiter.api.Test
    void readerAcceptsAPs256Signature() {
        assertTrue(rsaSigned.getBoolean("found"), rsaSigned.toString());
        assertEquals(List.of(UNTRUSTED), OfficialReader.failures(rsaSigned), rsaSigned.toString());
        assertTrue(OfficialReader.successes(rsaSigned).contains("claimSignature.validated"), rsaSigned.toString());
        assertEquals(
                "Ps256",
                OfficialReader.activeManifest(rsaSigned)
                        .getJsonObject("signature_info")
                        .getString("alg"));
    }

    private static String bindingCode(TestResults.Kind kind) {
        return kind.extension.equals("mp4") ? "assertion.bmffHash" : "assertion.dataHash";
    }
}
