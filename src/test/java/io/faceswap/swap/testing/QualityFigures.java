package io.faceswap.swap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The engine's quality figures, checked against the committed {@code quality-figures.properties} (test resources):
 * each name holds {@code expected tolerance} and a measured figure more than the tolerance away fails the test, for
 * better or worse. A better figure is a reason to update the file in the same commit, with the measurement in its
 * message; a worse one is a regression to explain.
 */
public final class QualityFigures {
    private static final Properties FIGURES = load();

    private QualityFigures() {}

    /** Fails unless {@code measured} is within the committed figure's tolerance; returns it for printing. */
    public static double check(String name, double measured) {
        String line = FIGURES.getProperty(name);
        if (line == null) {
            throw new AssertionError("No committed quality figure '" + name + "' (measured " + measured
                    + "): add it to src/test/resources/quality-figures.properties");
        }
        String[] parts = line.trim().split("\\s+");
        double expected = Double.parseDouble(parts[0]), tolerance = Double.parseDouble(parts[1]);
        if (!(Math.abs(measured - expected) <= tolerance)) {
            throw new AssertionError(String.format(
                    "Quality figure '%s' is %.4f, committed %.4f +- %.4f (%s): a change of the engine's output",
                    name, measured, expected, tolerance, measured > expected ? "higher" : "lower"));
        }
        return measured;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = QualityFigures.class.getResourceAsStream("/quality-figures.properties")) {
            if (in == null) {
                throw new IllegalStateException("quality-figures.properties is missing from the test resources");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
