package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faceswap.provenance.OfficialReader;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A result downloaded through the API carries content credentials the official C2PA reader accepts (signature and
 * BMFF hash valid, only the development certificate untrusted), naming the task and the service; the development
 * chain the server generated at its first start is readable by its owner only, and the log says once that it is
 * untrusted.
 */
class ContentCredentialsIT extends DeployedWarIT {

    @Test
    void aResultCarriesCredentialsTheOfficialReaderAccepts() throws Exception {
        ApiClient api = ApiClient.of(base);
        Path home = Path.of(System.getProperty("jboss.home", "target/server")).toAbsolutePath();
        for (String file : List.of("c2pa-dev-chain.pem", "c2pa-dev-key.pem")) {
            Path p = home.resolve("standalone/data/faceswap/c2pa").resolve(file);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
        }
        // one WARN line each time the application starts (the log keeps earlier runs' lines)
        List<String> log = Files.readAllLines(home.resolve("standalone/log/server.log"));
        long warnings = log.stream()
                .filter(l -> l.contains("WARN") && l.contains("untrusted development certificate"))
                .count();
        long starts = log.stream().filter(l -> l.contains("WFLYSRV0010")).count();
        assertTrue(warnings >= 1 && warnings <= starts, warnings + " warnings for " + starts + " deployments");

        try (MediaServer media = new MediaServer()) {
            media.serve("hopper.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            media.serve(
                    "clip.mp4",
                    TestVideos.movingFace(
                            "credentials", TestImages.ASTRONAUT, 320, 240, 25, 25, true, TestVideos.Format.MP4));
            String sk = api.paidKey(ApiClient.uniqueUser("credentials"), 10);
            ApiClient.Reply created = api.createTask(
                    "{\"imageUrl\":\"" + media.url("hopper.jpg") + "\",\"videoUrl\":\"" + media.url("clip.mp4")
                            + "\",\"duration\":1}",
                    sk);
            assertEquals(201, created.status(), created::toString);
            String id = created.data().getString("id");
            JsonObject done = Await.until(
                    "task " + id + " to end",
                    Duration.ofSeconds(180),
                    () -> api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk)
                            .data()
                            .getJsonArray("list")
                            .getJsonObject(0),
                    t -> !List.of("queued", "processing").contains(t.getString("status")));
            assertEquals("succeeded", done.getString("status"), done::toString);
            HttpResponse<Path> download = ApiClientFiles.download(
                    api, done.getString("resultUrl"), sk, TestVideos.dir().resolve("credentials-result.mp4"));
            assertEquals(200, download.statusCode());

            String why = OfficialReader.unavailable();
            assumeTrue(why == null, why);
            JsonObject verdict = OfficialReader.read(List.of(download.body())).get(download.body());
            assertTrue(verdict.getBoolean("found"), verdict::toString);
            assertEquals(List.of("signingCredential.untrusted"), OfficialReader.failures(verdict), verdict::toString);
            assertTrue(OfficialReader.successes(verdict).contains("assertion.bmffHash.match"), verdict::toString);
            assertTrue(OfficialReader.successes(verdict).contains("claimSignature.validated"), verdict::toString);
            String manifest = OfficialReader.activeManifest(verdict).toString();
            assertTrue(manifest.contains("\"taskId\":\"" + id + "\""), manifest);
            assertTrue(manifest.contains("\"name\":\"faceswap-api\""), manifest);
            assertTrue(manifest.contains("compositeWithTrainedAlgorithmicMedia"), manifest);
        }
    }
}
