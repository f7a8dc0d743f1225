package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.media.MediaFetchException;
import io.faceswap.media.TargetUrl;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * A task's face mappings (issue 25) as one column: the pairs asked for at create, as a JSON array of
 * {@code {referenceImageUrl, imageUrl}}, and the rules a create's {@code faceMappings} and {@code faceSelector} obey.
 */
public final class FaceMappings {
    /** faceSelector values; null in the task's row means "as configured" (clipzap.swap.largest-face-only). */
    public static final String ALL = "all", LARGEST = "largest", MAPPED = "mapped";

    private FaceMappings() {}

    /** One stored pair: the pair's own photo is null when the task's imageUrl is meant. */
    public record Pair(String referenceImageUrl, String imageUrl) {}

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
                requireParsable(
                        "faceMappings[" + i + "].referenceImageUrl",
                        pairs.get(i).referenceImageUrl());
                if (pairs.get(i).imageUrl() != null) {
                    requireParsable(
                            "faceMappings[" + i + "].imageUrl", pairs.get(i).imageUrl());
                }
            }
        }
        return mapped ? MAPPED : asked;
    }

    /** The column's text for these pairs; null for none. */
    static String encode(List<FaceMappingRequest> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (FaceMappingRequest p : pairs) {
            var o = Json.createObjectBuilder().add("referenceImageUrl", p.referenceImageUrl());
            array.add(p.imageUrl() == null ? o.addNull("imageUrl") : o.add("imageUrl", p.imageUrl()));
        }
        return array.build().toString();
    }

    /** The pairs of a stored column; empty for null. */
    public static List<Pair> decode(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(column))) {
            return reader.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .map(o -> new Pair(o.getString("referenceImageUrl"), text(o, "imageUrl")))
                    .toList();
        }
    }

    private static String text(JsonObject o, String name) {
        return o.isNull(name) ? null : o.getString(name);
    }

    static void requireParsable(String field, String url) {
        try {
            TargetUrl.parse(url);
        } catch (MediaFetchException e) {
            throw new ApiException(ErrorCode.URL_INVALID, field + ": " + e.publicMessage());
        }
    }
}
