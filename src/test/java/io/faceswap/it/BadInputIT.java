package io.faceswap.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.it.ApiClient.Reply;
import io.faceswap.swap.testing.TestImages;
import io.faceswap.swap.testing.TestVideos;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hostile and mistaken input, one row each: the HTTP status and code the client gets (for a task that fails, its
 * errorCode), and for every row: nothing is charged, nothing is left stored (no task for a refused request, no files
 * for a failed task), no stack trace in any response, no URL query string or secret in a response's messages or in
 * the server log, and nothing logged at ERROR. Runs its own server (media on 127.0.0.1 needs the allow-private
 * switch; a 6 s time budget makes a stalled download end as TIME_BUDGET_EXCEEDED).
 */
class BadInputIT {
    private static final String SECRET_QUERY = "sig=QUERYSECRET";
    private static final long PAID = 100;

    /** A request the API refuses at once. */
    record Refused(String what, int status, int code, Function<Ctx, Reply> request) {}

    /**
     * A task that is accepted (201) and then fails with {@code errorCode}; {@code extra}: more JSON fields; with
     * {@code photo}, {@code video} is the target photo (targetImageUrl, issue 26).
     */
    record Failing(
            String what, String errorCode, String image, String video, double duration, String extra, boolean photo) {
        Failing(String what, String errorCode, String image, String video, double duration) {
            this(what, errorCode, image, video, duration, "", false);
        }

        Failing(String what, String errorCode, String image, String video, double duration, String extra) {
            this(what, errorCode, image, video, duration, extra, false);
        }

        static Failing photo(String what, String errorCode, String image, String target) {
            return new Failing(what, errorCode, image, target, 0, "", true);
        }
    }

    record Ctx(
            ApiClient api,
            String sk,
            String revokedSk,
            String resultId,
            String okImage,
            String okVideo,
            UnknownFieldRows.Fixture unknown) {
        Reply create(String json, String... headers) {
            String[] all = Arrays.copyOf(headers, headers.length + 2);
            all[headers.length] = "X-ClipZap-Apikey";
            all[headers.length + 1] = sk;
            return api.post("/v1/faceswap_openapi/create", json, all);
        }

        String body(String image, String video, String duration) {
            return "{\"imageUrl\":\"" + image + "\",\"videoUrl\":\"" + video + "\",\"duration\":" + duration + "}";
        }

        String photoBody(String image, String target) {
            return "{\"imageUrl\":\"" + image + "\",\"targetImageUrl\":\"" + target + "\"}";
        }
    }

    static final List<Refused> REFUSED = java.util.stream.Stream.concat(
                    unknownFieldRows(),
                    java.util.stream.Stream.of(
                            new Refused("malformed JSON", 400, 40002, c -> c.create("{\"imageUrl\":")),
                            new Refused("a JSON array", 400, 40002, c -> c.create("[1,2]")),
                            new Refused(
                                    "no imageUrl",
                                    400,
                                    40001,
                                    c -> c.create("{\"videoUrl\":\"" + c.okVideo + "\",\"duration\":2}")),
                            new Refused(
                                    "negative duration", 400, 40001, c -> c.create(c.body(c.okImage, c.okVideo, "-1"))),
                            new Refused(
                                    "duration over the maximum",
                                    400,
                                    40001,
                                    c -> c.create(c.body(c.okImage, c.okVideo, "5000"))),
                            new Refused(
                                    "no duration for a video",
                                    400,
                                    40001,
                                    c -> c.create(
                                            "{\"imageUrl\":\"" + c.okImage + "\",\"videoUrl\":\"" + c.okVideo + "\"}")),
                            new Refused(
                                    "neither videoUrl nor targetImageUrl",
                                    400,
                                    40010,
                                    c -> c.create("{\"imageUrl\":\"" + c.okImage + "\",\"duration\":2}")),
                            new Refused(
                                    "targetImageUrl together with videoUrl",
                                    400,
                                    40011,
                                    c -> c.create("{\"imageUrl\":\"" + c.okImage + "\",\"videoUrl\":\"" + c.okVideo
                                            + "\",\"targetImageUrl\":\"" + c.okImage + "\",\"duration\":2}")),
                            new Refused(
                                    "targetImageUrl that is not a URL",
                                    400,
                                    40001,
                                    c -> c.create(c.photoBody(c.okImage, "ftp://127.0.0.1/a.jpg"))),
                            new Refused(
                                    "duration as text",
                                    400,
                                    40002,
                                    c -> c.create(c.body(c.okImage, c.okVideo, "\"long\""))),
                            new Refused(
                                    "negative startSeconds",
                                    400,
                                    40006,
                                    c -> c.create(c.body(c.okImage, c.okVideo, "2,\"startSeconds\":-1"))),
                            new Refused(
                                    "startSeconds not before endSeconds",
                                    400,
                                    40007,
                                    c -> c.create(
                                            c.body(c.okImage, c.okVideo, "2,\"startSeconds\":1,\"endSeconds\":1"))),
                            new Refused(
                                    "endSeconds past the declared duration",
                                    400,
                                    40008,
                                    c -> c.create(c.body(c.okImage, c.okVideo, "2,\"endSeconds\":2.5"))),
                            new Refused(
                                    "ftp URL",
                                    400,
                                    40001,
                                    c -> c.create(c.body("ftp://127.0.0.1/a.jpg", c.okVideo, "2"))),
                            new Refused(
                                    "URL with credentials",
                                    400,
                                    40001,
                                    c -> c.create(
                                            c.body("http://user:pw@127.0.0.1/a.jpg?" + SECRET_QUERY, c.okVideo, "2"))),
                            new Refused(
                                    "URL java.net.URI rejects",
                                    400,
                                    40004,
                                    c -> c.create(c.body("http://127.0.0.1/a|b.jpg?" + SECRET_QUERY, c.okVideo, "2"))),
                            new Refused(
                                    "title with control characters",
                                    400,
                                    40001,
                                    c -> c.create("{\"title\":\"a\\u0007b\",\"imageUrl\":\"" + c.okImage
                                            + "\",\"videoUrl\":\"" + c.okVideo + "\",\"duration\":2}")),
                            new Refused(
                                    "body over 64 KiB",
                                    413,
                                    41301,
                                    c -> c.create("{\"title\":\"" + "x".repeat(70_000) + "\"}")),
                            new Refused(
                                    "text/plain body",
                                    415,
                                    41501,
                                    c -> c.api.send(
                                            HttpRequest.newBuilder(c.api.base().resolve("v1/faceswap_openapi/create"))
                                                    .header("X-ClipZap-Apikey", c.sk)
                                                    .header("Content-Type", "text/plain")
                                                    .POST(HttpRequest.BodyPublishers.ofString("hi"))
                                                    .build())),
                            new Refused(
                                    "no API key",
                                    401,
                                    40111,
                                    c -> c.api.post("/v1/faceswap_openapi/create", c.body(c.okImage, c.okVideo, "2"))),
                            new Refused(
                                    "malformed API key",
                                    401,
                                    40112,
                                    c -> c.api.post(
                                            "/v1/faceswap_openapi/create",
                                            c.body(c.okImage, c.okVideo, "2"),
                                            "X-ClipZap-Apikey",
                                            "sk-<script>")),
                            new Refused(
                                    "unknown API key",
                                    401,
                                    40113,
                                    c -> c.api.post(
                                            "/v1/faceswap_openapi/create",
                                            c.body(c.okImage, c.okVideo, "2"),
                                            "X-ClipZap-Apikey",
                                            "sk-" + "A".repeat(40))),
                            new Refused(
                                    "revoked API key",
                                    401,
                                    40114,
                                    c -> c.api.post(
                                            "/v1/faceswap_openapi/create",
                                            c.body(c.okImage, c.okVideo, "2"),
                                            "X-ClipZap-Apikey",
                                            c.revokedSk)),
                            new Refused("Idempotency-Key reused for another body", 409, 40905, c -> {
                                c.create(c.body(c.okImage, c.okVideo, "2"), "Idempotency-Key", "same-key");
                                return c.create(c.body(c.okImage, c.okVideo, "3"), "Idempotency-Key", "same-key");
                            }),
                            new Refused(
                                    "Range beyond a long",
                                    416,
                                    41601,
                                    c -> c.api.get(
                                            "/v1/faceswap_openapi/result/" + c.resultId,
                                            "X-ClipZap-Apikey",
                                            c.sk,
                                            "Range",
                                            "bytes=99999999999999999999999-")),
                            new Refused(
                                    "Range past the end",
                                    416,
                                    41601,
                                    c -> c.api.get(
                                            "/v1/faceswap_openapi/result/" + c.resultId,
                                            "X-ClipZap-Apikey",
                                            c.sk,
                                            "Range",
                                            "bytes=900000000-")),
                            new Refused(
                                    "listbyids without objectID",
                                    400,
                                    40001,
                                    c -> c.api.get("/v1/faceswap_openapi/listbyids", "X-ClipZap-Apikey", c.sk)),
                            new Refused(
                                    "listbyids with a non-id",
                                    400,
                                    40003,
                                    c -> c.api.get(
                                            "/v1/faceswap_openapi/listbyids?objectID=../../etc",
                                            "X-ClipZap-Apikey",
                                            c.sk)),
                            new Refused(
                                    "listbyids with 101 ids",
                                    400,
                                    40003,
                                    c -> c.api.get(
                                            "/v1/faceswap_openapi/listbyids?objectID="
                                                    + String.join(
                                                            ",",
                                                            java.util.stream.IntStream.range(0, 101)
                                                                    .mapToObj(i -> String.format(
                                                                            "0123456789abcdef0123%04x", i))
                                                                    .toList()),
                                            "X-ClipZap-Apikey",
                                            c.sk)),
                            new Refused(
                                    "cancel of another user's task id",
                                    404,
                                    40401,
                                    c -> c.api.post(
                                            "/v1/faceswap_openapi/cancel",
                                            "{\"objectID\":\"0123456789abcdef01234567\"}",
                                            "X-ClipZap-Apikey",
                                            c.sk)),
                            new Refused(
                                    "admin call with a wrong token",
                                    401,
                                    40102,
                                    c -> c.api.get("/v1/admin/queue", "Authorization", "Bearer " + "x".repeat(40))),
                            new Refused(
                                    "admin search with limit 0",
                                    400,
                                    40001,
                                    c -> c.api.adminGet("/v1/admin/tasks?limit=0")),
                            new Refused(
                                    "admin executions with a bad date",
                                    400,
                                    40003,
                                    c -> c.api.adminGet("/v1/admin/executions?from=yesterday"))))
            .toList();

    /** Issue 31: a field the body does not have, on every POST/PUT body of the API (the rows of UnknownFieldsIT). */
    private static java.util.stream.Stream<Refused> unknownFieldRows() {
        return UnknownFieldRows.ROWS.stream()
                .map(r -> new Refused(
                        "unknown field in the " + r.what() + " body",
                        400,
                        40001,
                        c -> r.sendWithUnknownField(c.unknown)));
    }

    static final List<Failing> FAILING = List.of(
            new Failing("photo URL answers 404", "URL_HTTP_ERROR", "missing.jpg", "clip.mp4", 2),
            new Failing("photo URL refuses connections", "URL_UNREACHABLE", "http://127.0.0.1:1/a.jpg", "clip.mp4", 2),
            new Failing("photo over the size cap", "MEDIA_TOO_LARGE", "big.jpg", "clip.mp4", 2),
            new Failing("empty photo", "EMPTY_MEDIA", "empty.jpg", "clip.mp4", 2),
            new Failing("text as a photo", "NOT_AN_IMAGE", "text.jpg", "clip.mp4", 2),
            new Failing("truncated PNG", "NOT_AN_IMAGE", "truncated.png", "clip.mp4", 2),
            new Failing("photo without a face", "NO_FACE_IN_IMAGE", "blank.png", "clip.mp4", 2),
            new Failing("photo of 400 megapixels in 60 bytes", "IMAGE_TOO_LARGE", "huge.png", "clip.mp4", 2),
            new Failing("text as a video", "NOT_A_VIDEO", "face.jpg", "text.mp4", 2),
            new Failing("HLS playlist named .mp4", "NOT_A_VIDEO", "face.jpg", "playlist.mp4", 2),
            new Failing("video longer than declared", "VIDEO_TOO_LONG", "face.jpg", "clip.mp4", 0.5),
            new Failing(
                    "trim past the video's real end (2 s; 3 s declared)",
                    "TRIM_PAST_END",
                    "face.jpg",
                    "clip.mp4",
                    3,
                    ",\"startSeconds\":1,\"endSeconds\":2.8"),
            new Failing("video download that stalls", "TIME_BUDGET_EXCEEDED", "face.jpg", "stalled.mp4", 1),
            Failing.photo("a video given as targetImageUrl", "TARGET_NOT_AN_IMAGE", "face.jpg", "clip.mp4"),
            Failing.photo("text as the target photo", "TARGET_NOT_AN_IMAGE", "face.jpg", "text.jpg"),
            Failing.photo("target photo of 400 megapixels", "TARGET_IMAGE_TOO_LARGE", "face.jpg", "huge.png"),
            Failing.photo("target photo without a face", "NO_FACE_IN_TARGET", "face.jpg", "blank.png"),
            Failing.photo("target photo answers 404", "URL_HTTP_ERROR", "face.jpg", "missing.jpg"),
            Failing.photo("source photo without a face, photo target", "NO_FACE_IN_IMAGE", "blank.png", "face.jpg"));

    @Test
    void everyKindOfBadInputGetsItsCodeAndLeavesNothingBehind() throws Exception {
        assertTrue(REFUSED.size() + FAILING.size() >= 30, "at least 30 kinds of bad input");
        Path dir = TestVideos.dir();
        Path clip =
                TestVideos.movingFace("bad-input", TestImages.ASTRONAUT, 160, 120, 10, 20, true, TestVideos.Format.MP4);
        try (MediaServer media = new MediaServer();
                ServerProcess server = ServerProcess.prepare(
                        "bad-input",
                        600,
                        "-Dclipzap.media.allow-private-networks=true",
                        "-Dclipzap.tasks.time-budget-factor=0",
                        "-Dclipzap.tasks.time-budget-base-seconds=6")) {
            serveMedia(media, dir, clip);
            server.start();
            ApiClient api = new ApiClient(server.base());
            String user = ApiClient.uniqueUser("bad");
            String sk = api.paidKey(user, PAID);
            String revokedUser = ApiClient.uniqueUser("revoked");
            String revoked = api.paidKey(revokedUser, 10);
            String revokedId = api.adminGet("/v1/openapi_account/list?userId=" + revokedUser)
                    .data()
                    .getJsonArray("list")
                    .getJsonObject(0)
                    .getString("id");
            api.adminPost(
                    "/v1/openapi_account/delete", "{\"userId\":\"" + revokedUser + "\",\"id\":\"" + revokedId + "\"}");
            String resultId = succeededTask(api, sk, media);
            long balance = balance(api, user);
            UnknownFieldRows.Fixture unknown = new UnknownFieldRows.Fixture(
                    api,
                    user,
                    sk,
                    api.newKey(user).data().getString("id"),
                    api.newKey(user).data().getString("id"),
                    q(media.url("face.jpg")));
            Ctx ctx = new Ctx(api, sk, revoked, resultId, q(media.url("face.jpg")), q(media.url("clip.mp4")), unknown);

            List<String> bodies = new ArrayList<>();
            for (Refused row : REFUSED) {
                int tasksBefore = tasksOf(api, user);
                Reply reply = row.request().apply(ctx);
                bodies.add(reply.body());
                assertEquals(row.status(), reply.status(), () -> row.what() + ": " + reply);
                assertEquals(row.code(), reply.json().getInt("code"), () -> row.what() + ": " + reply);
                int expectedTasks = row.what().startsWith("Idempotency") ? tasksBefore + 1 : tasksBefore;
                assertEquals(expectedTasks, tasksOf(api, user), row.what() + ": nothing stored");
                if (expectedTasks != tasksBefore) {
                    balance = awaitSettled(api, user, balance, "the idempotent create");
                }
                assertEquals(balance, balance(api, user), row.what() + ": nothing charged");
            }
            for (Failing row : FAILING) {
                Reply created = ctx.create(
                        row.photo()
                                ? ctx.photoBody(q(at(media, row.image())), q(at(media, row.video())))
                                : ctx.body(
                                        q(at(media, row.image())),
                                        q(at(media, row.video())),
                                        Double.toString(row.duration()) + row.extra()));
                assertEquals(201, created.status(), () -> row.what() + ": " + created);
                String id = created.data().getString("id");
                JsonObject done = Await.until(
                        row.what(),
                        Duration.ofSeconds(120),
                        () -> api.adminGet("/v1/admin/tasks/" + id).data(),
                        t -> !List.of("queued", "processing")
                                .contains(t.getJsonObject("task").getString("status")));
                JsonObject task = done.getJsonObject("task");
                bodies.add(task.toString());
                assertEquals("failed", task.getString("status"), () -> row.what() + ": " + done);
                assertEquals(row.errorCode(), task.getString("errorCode"), () -> row.what() + ": " + done);
                assertFalse(task.getString("errorMessage").contains("QUERYSECRET"), row.what() + ": query leaked");
                assertEquals(0, task.getJsonNumber("chargedSeconds").longValue(), row.what());
                assertEquals(balance, balance(api, user), row.what() + ": nothing charged");
                Path files =
                        server.dataDir().resolve("faceswap").resolve("tasks").resolve(id);
                Await.until(row.what() + ": files cleaned", Duration.ofSeconds(10), () -> isEmpty(files), b -> b);
            }
            for (String body : bodies) {
                assertFalse(body.contains("\tat ") || body.contains("Exception"), "no stack trace: " + body);
            }
            String log = Files.readString(server.dataDir().resolveSibling("log").resolve("server.log"));
            assertFalse(log.contains("QUERYSECRET"), "URL queries are redacted in the log");
            assertFalse(log.contains(sk) || log.contains(revoked), "no API key in the log");
            List<String> errors =
                    log.lines().filter(l -> l.matches("^\\S+ \\S+ ERROR .*")).toList();
            assertEquals(List.of(), errors, "nothing at ERROR for customers' mistakes");
        }
    }

    private static void serveMedia(MediaServer media, Path dir, Path clip) throws Exception {
        media.serve("clip.mp4", clip);
        media.serve("face.jpg", TestImages.file(TestImages.GRACE_HOPPER));
        media.serve("text.jpg", Files.writeString(dir.resolve("bad-text.jpg"), "not a picture"));
        media.serve("text.mp4", Files.writeString(dir.resolve("bad-text.mp4"), "not a video"));
        media.serve("empty.jpg", Files.write(dir.resolve("bad-empty.jpg"), new byte[0]));
        media.serve("big.jpg", Files.write(dir.resolve("bad-big.jpg"), new byte[11 << 20]));
        byte[] png = Files.readAllBytes(TestImages.file(TestImages.ASTRONAUT));
        media.serve("truncated.png", Files.write(dir.resolve("bad-truncated.png"), Arrays.copyOf(png, 200)));
        media.serve(
                "playlist.mp4",
                Files.writeString(
                        dir.resolve("bad-playlist.mp4"),
                        "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n" + clip.toAbsolutePath()
                                + "\n#EXT-X-ENDLIST\n"));
        media.serveHeld("stalled.mp4", clip);
        media.serve("huge.png", Files.write(dir.resolve("bad-huge.png"), TestImages.pngHeader(20000, 20000)));
        try (var blank = new org.bytedeco.opencv.opencv_core.Mat(
                300,
                300,
                org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                new org.bytedeco.opencv.opencv_core.Scalar(180, 180, 180, 0))) {
            Path noFace = dir.resolve("bad-blank.png");
            TestImages.write(blank, noFace);
            media.serve("blank.png", noFace);
        }
    }

    private static String succeededTask(ApiClient api, String sk, MediaServer media) {
        String id = api.createTask(
                        "{\"imageUrl\":\"" + media.url("face.jpg") + "\",\"videoUrl\":\"" + media.url("clip.mp4")
                                + "\",\"duration\":2}",
                        sk)
                .data()
                .getString("id");
        JsonObject done = Await.until(
                "a result to exist",
                Duration.ofSeconds(180),
                () -> api.adminGet("/v1/admin/tasks/" + id).data().getJsonObject("task"),
                t -> !List.of("queued", "processing").contains(t.getString("status")));
        assertEquals("succeeded", done.getString("status"), done::toString);
        return id;
    }

    private static long awaitSettled(ApiClient api, String user, long before, String what) {
        JsonObject account = Await.until(
                what + " to settle",
                Duration.ofSeconds(180),
                () -> api.adminGet("/v1/admin/users/" + user).data(),
                a -> a.getJsonNumber("heldSeconds").longValue() == 0);
        return account.getJsonNumber("balanceSeconds").longValue();
    }

    /** A media URL with a query string that must never be echoed in messages or logs. */
    private static String q(URI url) {
        return url + (url.getQuery() == null ? "?" : "&") + SECRET_QUERY;
    }

    private static URI at(MediaServer media, String nameOrUrl) {
        return nameOrUrl.startsWith("http") ? URI.create(nameOrUrl) : media.url(nameOrUrl);
    }

    private static long balance(ApiClient api, String user) {
        return api.adminGet("/v1/admin/users/" + user)
                .data()
                .getJsonNumber("balanceSeconds")
                .longValue();
    }

    private static int tasksOf(ApiClient api, String user) {
        return api.adminGet("/v1/admin/tasks?q=" + user + "&limit=200")
                .data()
                .getJsonArray("list")
                .size();
    }

    private static boolean isEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (java.nio.file.NoSuchFileException gone) {
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
