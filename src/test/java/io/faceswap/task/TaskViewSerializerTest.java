package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceswap.api.ApiResponse;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskViewSerializer} must write exactly what Yasson's default mapping of {@link TaskView} wrote: the
 * expected strings below were produced by Yasson 3.0.4 (WildFly 39's) from the record before the serializer
 * existed. Escapes, nulls, fractional and negative instants and exponent doubles are the cases that differ first.
 * The trim fields (startSeconds, endSeconds: nullable Doubles, issue 26) were added to the strings by hand, at the
 * places and in the form Yasson 3.0.4 writes them (checked on a record with those names: "endSeconds" after
 * "duration", "startSeconds" before "startedAt", 11.0 as {@code 11.0}, null as {@code null}).
 */
class TaskViewSerializerTest {
    private static final Jsonb JSONB = JsonbBuilder.create();

    static final TaskView FULL = new TaskView(
            "65f1c0ffee0ddba11c0ffee1",
            "user-1",
            "t\u00e9st \"quoted\" \\ / \n\t\u0001 \u2028 \ud83d\ude00",
            "https://example.com/a.jpg?x=1&y=<2>",
            "https://example.com/b.mp4",
            null,
            "video",
            12.5,
            "succeeded",
            100,
            "http://localhost:8080/v1/faceswap_openapi/result/65f1c0ffee0ddba11c0ffee1",
            Instant.parse("2026-12-02T04:22:19Z"),
            null,
            null,
            Instant.parse("2026-12-01T04:22:19.364356016Z"),
            Instant.parse("2026-12-01T04:22:19Z"),
            300,
            287,
            0.1,
            13,
            Instant.parse("2026-12-01T04:22:19.360Z"),
            Instant.ofEpochSecond(1_700_000_000L, 120_000),
            false,
            1.5,
            11.0,
            true,
            "mapped",
            java.util.List.of(new FaceMappingRequest("https://example.com/r.jpg", null, null)),
            new TaskView.Quality(0.771, 1.0));
    static final TaskView EMPTY = new TaskView(
            "65f1c0ffee0ddba11c0ffee2",
            "u",
            null,
            "i",
            null,
            "p",
            "photo",
            1.0E-7,
            "queued",
            0,
            null,
            null,
            "NO_FACE_IN_IMAGE",
            "no face",
            Instant.ofEpochSecond(0),
            Instant.ofEpochSecond(-1, 1),
            0,
            0,
            1.0E10,
            0,
            null,
            null,
            true,
            null,
            null,
            false,
            null,
            null,
            new TaskView.Quality(null, null));

    @Test
    void writesWhatTheDefaultMappingWrote() {
        assertEquals(
                "{\"chargedSeconds\":13,\"createdAt\":\"2026-12-01T04:22:19.364356016Z\",\"duration\":12.5,"
                        + "\"endSeconds\":11.0,\"errorCode\":null,\"errorMessage\":null,\"expired\":false,"
                        + "\"faceMappings\":[{\"faceId\":null,\"imageUrl\":null,\"referenceImageUrl\":\"https://example.com/r.jpg\"}],"
                        + "\"faceSelector\":\"mapped\",\"facesFound\":287,"
                        + "\"finishedAt\":\"2023-11-14T22:13:20.000120Z\",\"frames\":300,\"id\":\"65f1c0ffee0ddba11c0ffee1\","
                        + "\"imageUrl\":\"https://example.com/a.jpg?x=1&y=<2>\",\"processingSeconds\":0.1,\"progress\":100,\"quality\":{\"coverage\":1.0,\"identity\":0.771},"
                        + "\"resultUrl\":\"http://localhost:8080/v1/faceswap_openapi/result/65f1c0ffee0ddba11c0ffee1\","
                        + "\"resultUrlExpiresAt\":\"2026-12-02T04:22:19Z\","
                        + "\"startSeconds\":1.5,\"startedAt\":\"2026-12-01T04:22:19.360Z\",\"status\":\"succeeded\","
                        + "\"targetImageUrl\":null,\"targetKind\":\"video\","
                        + "\"title\":\"t\u00e9st \\\"quoted\\\" \\\\ / \\n\\t\\u0001 \u2028 \ud83d\ude00\","
                        + "\"updatedAt\":\"2026-12-01T04:22:19Z\",\"userId\":\"user-1\","
                        + "\"videoUrl\":\"https://example.com/b.mp4\",\"visibleLabel\":true}",
                JSONB.toJson(FULL));
        assertEquals(
                "{\"chargedSeconds\":0,\"createdAt\":\"1970-01-01T00:00:00Z\",\"duration\":1.0E-7,\"endSeconds\":null,"
                        + "\"errorCode\":\"NO_FACE_IN_IMAGE\",\"errorMessage\":\"no face\",\"expired\":true,\"faceMappings\":null,\"faceSelector\":null,\"facesFound\":0,"
                        + "\"finishedAt\":null,\"frames\":0,\"id\":\"65f1c0ffee0ddba11c0ffee2\",\"imageUrl\":\"i\","
                        + "\"processingSeconds\":1.0E10,\"progress\":0,\"quality\":{\"coverage\":null,\"identity\":null},\"resultUrl\":null,\"resultUrlExpiresAt\":null,\"startSeconds\":null,\"startedAt\":null,"
                        + "\"status\":\"queued\",\"targetImageUrl\":\"p\",\"targetKind\":\"photo\",\"title\":null,"
                        + "\"updatedAt\":\"1969-12-31T23:59:59.000000001Z\",\"userId\":\"u\",\"videoUrl\":null,\"visibleLabel\":false}",
                JSONB.toJson(EMPTY));
    }

    @Test
    void nestsInTheEnvelope() {
        assertEquals(
                "{\"code\":0,\"message\":\"success\",\"data\":[{\"chargedSeconds\":0,"
                        + "\"createdAt\":\"1970-01-01T00:00:00Z\",\"duration\":1.0E-7,\"endSeconds\":null,\"errorCode\":\"NO_FACE_IN_IMAGE\","
                        + "\"errorMessage\":\"no face\",\"expired\":true,\"faceMappings\":null,\"faceSelector\":null,\"facesFound\":0,\"finishedAt\":null,\"frames\":0,"
                        + "\"id\":\"65f1c0ffee0ddba11c0ffee2\",\"imageUrl\":\"i\",\"processingSeconds\":1.0E10,\"progress\":0,\"quality\":{\"coverage\":null,\"identity\":null},"
                        + "\"resultUrl\":null,\"resultUrlExpiresAt\":null,\"startSeconds\":null,\"startedAt\":null,\"status\":\"queued\","
                        + "\"targetImageUrl\":\"p\",\"targetKind\":\"photo\",\"title\":null,"
                        + "\"updatedAt\":\"1969-12-31T23:59:59.000000001Z\",\"userId\":\"u\",\"videoUrl\":null,\"visibleLabel\":false}]}",
                JSONB.toJson(ApiResponse.ok(List.of(EMPTY))));
    }

    @Test
    void formatsInstantsAsInstantToStringDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L - 86_400L * 400, 253_402_300_800L + 86_400L * 400);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertEquals(instant.toString(), TaskViewSerializer.iso(instant));
        }
        assertEquals(Instant.MIN.toString(), TaskViewSerializer.iso(Instant.MIN));
        assertEquals(Instant.MAX.toString(), TaskViewSerializer.iso(Instant.MAX));
    }
}
