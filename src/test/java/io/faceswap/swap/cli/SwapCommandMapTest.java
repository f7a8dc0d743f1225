package io.faceswap.swap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.testing.TwoPeopleClip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line's {@code --map reference=photo} (issue 25), run as a user runs it: a JVM of its own, its exit
 * status and its one-line output. The swap itself is measured in FaceMappingVideoTest.
 */
class SwapCommandMapTest {
    private static final String ASTRONAUT =
            TestImages.file(TestImages.ASTRONAUT).toString();
    private static final String HOPPER =
            TestImages.file(TestImages.GRACE_HOPPER).toString();

    record Run(int exit, String out, String err) {}

    @Test
    void aMappedPersonIsSwappedAndAPersonFoundNowhereExitsTwoWithoutOutput() throws Exception {
        TwoPeopleClip two = TwoPeopleClip.write("cli-map-two", 480, 270, 20, 10);
        Path out = TestVideos.dir().resolve("cli-map-out.mp4");
        Files.deleteIfExists(out);
        Run swapped =
                run("--map", ASTRONAUT + "=" + HOPPER, "--video", two.file().toString(), "--out", out.toString());
        assertEquals(0, swapped.exit(), swapped::toString);
        assertTrue(swapped.out().contains("20 frames"), swapped::toString);
        assertTrue(Files.size(out) > 0);

        Path alone = TestVideos.movingFace(
                "cli-map-alone", TestImages.ASTRONAUT, 320, 240, 25, 10, false, TestVideos.Format.MP4);
        Path none = TestVideos.dir().resolve("cli-map-none.mp4");
        Files.deleteIfExists(none);
        Run nowhere = run("--map", HOPPER + "=" + ASTRONAUT, "--video", alone.toString(), "--out", none.toString());
        assertEquals(2, nowhere.exit(), nowhere::toString);
        assertTrue(nowhere.err().contains("NO_MAPPED_FACE_FOUND"), nowhere::toString);
        assertFalse(Files.exists(none), "no output for a task that found nobody");
    }

    @Test
    void aMalformedPairIsRefusedNamingIt() throws Exception {
        Run bad = run("--map", ASTRONAUT, "--video", "x.mp4", "--out", "y.mp4");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--map takes REFERENCE=PHOTO"), bad::toString);
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", ""),
                "-cp",
                System.getProperty("java.class.path"),
                SwapCommand.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(TestVideos.dir(), "cli-err", ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ended");
        return new Run(p.exitValue(), out, Files.readString(err));
    }
}
