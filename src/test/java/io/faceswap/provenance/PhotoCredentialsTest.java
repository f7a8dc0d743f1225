package io.faceswap.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoCredentialsTest {
    @TempDir
    static Path dir;

    static Provenance provenance() throws Exception {
        return new Provenance(
                SigningCredentials.development(dir, "faceswap-test"),
                new Provenance.Generator("faceswap-api", "0.1.0"));
    }

    static Path image(String format) throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(60, 40, 200, 160);
        g.dispose();
        Path file = dir.resolve("photo-" + System.nanoTime() + "." + format);
        ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, file.toFile());
        return file;
    }

    @Test
    void jpegIsAccepted() throws Exception {
        Path file = image("jpg");
        provenance().mark(file, "task-123");
        String why = OfficialReader.unavailable();
        assumeTrue(why == null, why);
        JsonObject verdict = OfficialReader.read(file);
        System.out.println(verdict);
        assertTrue(verdict.getBoolean("found"), verdict.toString());
        assertEquals(java.util.List.of(), OfficialReader.failures(verdict));
    }
}
