package io.faceswap.it.bench;

import io.faceswap.it.ApiClient;
import io.faceswap.it.Await;
import io.faceswap.it.MediaServer;
import io.faceswap.it.ServerProcess;
import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import io.faceswap.swap.video.VideoLimits;
import io.faceswap.swap.video.VideoSwapper;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The API under load on loopback: listbyids with a valid key against the unauthenticated health endpoint (the
 * ceiling: same server, no key check, no task query), requests per second and p99; and the end-to-end seconds of a
 * 10 s 720p task against the engine's own time for the same clip (the batch layer's overhead).
 * Run after {@code package}: {@code mvn -Pbench -DskipTests package exec:exec -Dbench.main=io.faceswap.it.bench.ApiBenchmark}.
 */
public final class ApiBenchmark {
    private static final int CLIENTS = 8;
    private static final int REQUESTS = 4000;

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path clip = TestVideos.movingFace("api-bench-720", TestImages.ASTRONAUT, 1280, 720, 30, 300, true,
                TestVideos.Format.MP4);
        double engineSeconds = engineSeconds(clip);
        try (MediaServer media = new MediaServer(); ServerProcess server = ServerProcess.prepare("bench", 400,
                "-Dclipzap.media.allow-private-networks=true")) {
            server.start();
            ApiClient api = new ApiClient(server.base());
            String sk = api.paidKey(ApiClient.uniqueUser("bench"), 10_000);
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve("clip.mp4", clip);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(api.post("/v1/faceswap_openapi/create", String.format(
                        "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":10}", photo, media.url("none.mp4")),
                        "X-ClipZap-Apikey", sk).data().getString("id"));
            }
            for (String id : ids) {
                Await.until("setup task " + id, Duration.ofSeconds(60), () -> status(api, sk, id),
                        s -> s.equals("failed"));
            }
            URI health = server.base().resolve("health");
            URI list = server.base().resolve("v1/faceswap_openapi/listbyids?objectID=" + String.join(",", ids));
            load(health, null, REQUESTS / 4);
            load(list, sk, REQUESTS / 4); // warm-up
            double[] h = load(health, null, REQUESTS);
            double[] l = load(list, sk, REQUESTS);
            System.out.printf("API on loopback, %d clients, %d requests each endpoint, %d cores%n", CLIENTS, REQUESTS,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| endpoint | requests/s | p99 ms |");
            System.out.println("|---|---|---|");
            System.out.printf("| GET /health (ceiling) | %.0f | %.1f |%n", h[0], h[1]);
            System.out.printf("| GET listbyids, 10 ids, sk | %.0f | %.1f |%n", l[0], l[1]);
            System.out.printf("listbyids / health throughput: %.0f%%%n", 100 * l[0] / h[0]);

            endToEnd(api, sk, photo, video); // warm-up: the server's first task loads the native libraries and JITs
            double endToEnd = endToEnd(api, sk, photo, video);
            System.out.printf("10 s 720p clip: engine alone %.1f s, as a task end to end %.1f s (batch overhead %.0f%%)%n",
                    engineSeconds, endToEnd, 100 * (endToEnd - engineSeconds) / engineSeconds);
        }
    }

    private static double endToEnd(ApiClient api, String sk, URI photo, URI video) {
        Instant start = Instant.now();
        String id = api.post("/v1/faceswap_openapi/create", String.format(
                "{\"imageUrl\":\"%s\",\"videoUrl\":\"%s\",\"duration\":10}", photo, video),
                "X-ClipZap-Apikey", sk).data().getString("id");
        String end = Await.until("the 720p task", Duration.ofSeconds(600), () -> status(api, sk, id),
                s -> !s.equals("queued") && !s.equals("processing"));
        if (!end.equals("succeeded")) {
            throw new IllegalStateException("The benchmark task " + id + " ended " + end);
        }
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static String status(ApiClient api, String sk, String id) {
        JsonObject t = api.get("/v1/faceswap_openapi/listbyids?objectID=" + id, "X-ClipZap-Apikey", sk).data()
                .getJsonArray("list").getJsonObject(0);
        return t.getString("status");
    }

    private static double engineSeconds(Path clip) throws Exception {
        try (FaceFinder finder = new FaceFinder();
             SourceFace source = SourceFace.fromFile(TestImages.file(TestImages.GRACE_HOPPER), finder)) {
            Path out = Files.createTempFile(TestVideos.dir(), "engine", ".mp4");
            VideoSwapper.Result r = VideoSwapper.swapFile(clip, out, () -> new FaceSwapper(source, false), 2, 30,
                    VideoLimits.DEFAULT, (d, t) -> { });
            Files.delete(out);
            return r.seconds();
        }
    }

    /** @return {requests per second, p99 latency in ms} */
    private static double[] load(URI uri, String sk, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = client; i < requests; i += CLIENTS) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
                    if (sk != null) {
                        b.header("X-ClipZap-Apikey", sk);
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new double[] {requests / seconds, latencies[(int) (requests * 0.99) - 1] / 1e6};
    }
}
