package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.api.ValidationExceptionMapper;
import io.faceswap.media.MediaFetchException;
import io.faceswap.media.TargetUrl;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A task's face mappings (issue 25) as one column: the pairs asked for at create, as a JSON array of
 * {@code {referenceImageUrl, imageUrl}}, and the rules a create's {@code faceMappings} and {@code faceSelector} obey.
 */
public final class FaceMappings {
    /** faceSelector values; null in the task's row means "as configured" (clipzap.swap.largest-face-only). */
    public static final String ALL = "all", LARGEST = "largest", MAPPED = "mapped";

    private FaceMappings() {}

    /**
     * One stored pair: a reference photo, or a listed face's id with its recognition vector (as {@link
     * io.faceswap.faces.DetectedFace} stores it, copied at create so the task does not depend on the face's expiry);
     * the pair's own photo is null when the task's imageUrl is meant.
     */
    public record Pair(String referenceImageUrl, String faceId, String identity, String imageUrl) {
        /** The listed face's recognition vector; null for a reference photo. */
        public float[] vector() {
            return identity == null ? null : io.faceswap.faces.DetectedFace.decode(identity);
        }
    }

    /**
     * The selector the task runs with: mapped with mappings; otherwise the one asked for (or null). Refuses a
     * selector that contradicts the mappings (40012) and URLs the downloader cannot parse (40004), naming the field.
     */
    static String selector(CreateTaskRequest request) {
        List<FaceMappingRequest> pairs = request.faceMappings();
        boolean mapped = pairs != null && !pairs.isEmpty();
        String asked = request.faceSelector();
        if (mapped && asked != null && !asked.equals(MAPPED)) {
            throw new ApiException(
                    ErrorCode.FACE_SELECTOR_CONFLICT,
                    "faceSelector " + asked + " with faceMappings: leave faceSelector out, or set it to mapped");
        }
        if (!mapped && MAPPED.equals(asked)) {
            throw new ApiException(
                    ErrorCode.FACE_SELECTOR_CONFLICT, "faceSelector mapped needs faceMappings (1 to 8 pairs)");
        }
        if (mapped) {
            for (int i = 0; i < pairs.size(); i++) {
                FaceMappingRequest pair = pairs.get(i);
                if ((pair.referenceImageUrl() == null) == (pair.faceId() == null)) {
                    String field = "faceMappings[" + i + "].referenceImageUrl";
                    String message = "give referenceImageUrl or faceId, one of them";
                    throw new ApiException(
                            ErrorCode.VALIDATION_FAILED,
                            field + ": " + message,
                            Map.of("errors", List.of(new ValidationExceptionMapper.FieldError(field, message))));
                }
                if (pair.referenceImageUrl() != null) {
                    requireParsable("faceMappings[" + i + "].referenceImageUrl", pair.referenceImageUrl());
                }
                if (pairs.get(i).imageUrl() != null) {
                    requireParsable(
                            "faceMappings[" + i + "].imageUrl", pairs.get(i).imageUrl());
                }
            }
        }
        return mapped ? MAPPED : asked;
    }

    /**
     * The column's text for these pairs; null for none.
     *
     * @param identities a listed face's stored vector by its id, for the caller's user (empty: unknown or expired)
     * @throws ApiException 40013 for a faceId that is not the user's or has expired
     */
    static String encode(List<FaceMappingRequest> pairs, Function<String, Optional<String>> identities) {
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < pairs.size(); i++) {
            FaceMappingRequest p = pairs.get(i);
            JsonObjectBuilder o = Json.createObjectBuilder();
            text(o, "referenceImageUrl", p.referenceImageUrl());
            text(o, "faceId", p.faceId());
            if (p.faceId() != null) {
                String field = "faceMappings[" + i + "].faceId";
                o.add(
                        "identity",
                        identities
                                .apply(p.faceId())
                                .orElseThrow(() -> new ApiException(
                                        ErrorCode.FACE_ID_UNKNOWN,
                                        field + ": no face " + p.faceId()
                                                + " listed by this user, or it has expired")));
            }
            text(o, "imageUrl", p.imageUrl());
            array.add(o);
        }
        return array.build().toString();
    }

    private static void text(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    /** The pairs of a stored column; empty for null. */
    public static List<Pair> decode(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(column))) {
            return reader.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .map(o -> new Pair(
                            text(o, "referenceImageUrl"), text(o, "faceId"), text(o, "identity"), text(o, "imageUrl")))
                    .toList();
        }
    }

    private static String text(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name) ? null : o.getString(name);
    }

    static void requireParsable(String field, String url) {
        try {
            TargetUrl.parse(url);
        } catch (MediaFetchException e) {
            throw new ApiException(ErrorCode.URL_INVALID, field + ": " + e.publicMessage());
        }
    }
}
