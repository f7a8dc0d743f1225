package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Result downloads to clients that stop reading must not hold the HTTP worker threads, which server.cli keeps few
 * (CLIPZAP_HTTP_WORKER_THREADS, 4): with twice that many stalled downloads, a poll still answers at once, one more
 * download than the download pool holds is answered 503 at once, and a stalled download still completes whole once
 * its client reads again.
 */
class DownloadIT {
    private static final int RESULT_BYTES = 64 << 20; // far beyond what loopback socket buffers take in
    private static final int STALLED = 8;

    @Test
    void stalledDownloadsLeaveThePollingThreadsFree() throws Exception {
        try (MediaServer media = new MediaServer();
                ServerProcess server = ServerProcess.prepare(
                                "downloads", 800, "-Dclipzap.media.allow-private-networks=true")
                        .env("CLIPZAP_DOWNLOAD_THREADS", Integer.toString(STALLED))) {
            URI photo = media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
            URI video = media.serve(
                    "small.mp4",
                    TestVideos.movingFace(
                            "downloads", TestImages.ASTRONAUT, 160, 120, 10, 20, true, TestVideos.Format.MP4));
            server.start();
            ApiClient api = new ApiClient(server.base());
            String sk = api.paidKey(ApiClient.uniqueUser("download"), 100);
            String id = api.createTask(
                            "{\"imageUrl\":\"" + photo + "\",\"videoUrl\":\"" + video + "\",\"duration\":2}", sk)
                    .data()
                    .getString("id");
            JsonObject done = Await.until(
                    "the task to end",
                    Duration.ofSeconds(180),
                    () -> api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"),
                    t -> !List.of("queued", "processing").contains(t.getString("status")));
            assertEquals("succeeded", done.getString("status"), done::toString);
            Path result = server.dataDir().resolve("faceswap/tasks/" + id + "/result.mp4");
            assertTrue(Files.isRegularFile(result), "the result is where TaskFiles puts it: " + result);
            Files.write(result, new byte[RESULT_BYTES]); // a big result, so that a writer to a stalled client blocks

            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    stalled.add(startDownload(server.base(), id, sk));
                }
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                HttpResponse<String> poll =
                        get(client, server.base().resolve("v1/faceswap_openapi/listbyids?objectID=" + id), sk);
                assertEquals(200, poll.statusCode(), poll::body);
                assertTrue(poll.body().contains("\"status\":\"succeeded\""), poll::body);

                // every download thread is held: one more download is told so at once, in the envelope
                HttpResponse<String> busy = get(client, server.base().resolve("v1/faceswap_openapi/result/" + id), sk);
                assertEquals(503, busy.statusCode(), busy::body);
                assertTrue(busy.body().contains("\"code\":50301"), busy::body);
                assertTrue(busy.body().contains("Too many downloads"), busy::body);
                assertEquals(RESULT_BYTES, bodyLength(stalled.get(0).getInputStream()), "a stalled download resumes");
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri, String sk) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri)
                        .header("X-ClipZap-Apikey", sk)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of the result whose client reads its status line and then nothing: the server's writes soon block. */
    private static Socket startDownload(URI base, String id, String sk) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096); // before connect, so the advertised window stays small
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v1/faceswap_openapi/result/" + id + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "X-ClipZap-Apikey: " + sk + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine(socket.getInputStream());
        assertTrue(status.startsWith("HTTP/1.1 200"), status);
        return socket;
    }

    /** Reads the rest of the headers, then counts the body to the end of the stream. */
    private static long bodyLength(InputStream in) throws Exception {
        while (!readLine(in).isEmpty()) {
            // headers
        }
        return in.transferTo(OutputStream.nullOutputStream());
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
