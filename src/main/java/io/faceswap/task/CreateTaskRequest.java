package io.faceswap.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateFaceSwapTask")
public record CreateTaskRequest(
        @Size(max = 200)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        @Schema(example = "My first swap")
        String title,

        @NotBlank
        @Size(max = 2048)
        @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE)
        @Schema(
                description = "The photo with the face to put in (http or https)",
                example = "https://media.example.com/face.jpg",
                required = true)
        String imageUrl,

        @Size(max = 2048)
        @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE)
        @Schema(
                description = "The video whose faces are replaced (http or https). Give it, or targetImageUrl for a "
                        + "photo, not both (400 / 40010 for neither, 40011 for both)",
                example = "https://media.example.com/clip.mp4")
        String videoUrl,

        @Size(max = 2048)
        @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE)
        @Schema(
                description = "Instead of videoUrl: a still picture whose faces are replaced (http or https; JPEG, "
                        + "PNG, WebP or BMP). The result is a JPEG, or a PNG (alpha kept) for a PNG. Holds and is "
                        + "charged a fixed number of seconds per photo (clipzap.billing.seconds-per-image); "
                        + "duration is not needed",
                example = "https://media.example.com/group.jpg")
        String targetImageUrl,

        @DecimalMin(value = "0.1")
        @DecimalMax(value = "86400")
        @Schema(
                description = "The video's length in seconds, as the client declares it; held from the balance. "
                        + "Required with videoUrl; ignored with targetImageUrl",
                example = "12.5")
        Double duration,

        @Size(max = 2048)
        @Pattern(regexp = HTTP_URL, message = HTTP_URL_MESSAGE)
        @Schema(
                description = "Optional: where to POST the task, signed, when it ends (https; see the webhooks "
                        + "section). Needs a signing secret: POST /v1/faceswap_openapi/webhook_secret first",
                example = "https://example.com/clipzap/webhook")
        String callbackUrl,

        // issue 27: consent on record
        @Valid ConsentRequest consent,

        @Schema(
                description = "Optional: draw a visible \"AI-generated\" mark in the result's bottom-right corner. "
                        + "Off unless asked here, or unless an admin set it for every task of the user (then "
                        + "false does not remove it)",
                defaultValue = "false")
        Boolean visibleLabel,

        @Schema(
                description = "Optional: swap and return only the part of the video from this second on (seconds from "
                        + "its first frame). The result starts with the frame on screen at startSeconds, even between "
                        + "keyframes, and its audio is cut in sync. Held and charged: endSeconds - startSeconds, or "
                        + "duration - startSeconds without endSeconds. Negative is 400 / 40006; at or past duration "
                        + "400 / 40008",
                minimum = "0",
                example = "1.5")
        Double startSeconds,

        @Schema(
                description = "Optional: swap and return only the part of the video before this second (seconds "
                        + "from its first frame; default: the end). Must be after startSeconds (400 / 40007) and not "
                        + "after duration (400 / 40008); a video whose real length is shorter fails with errorCode "
                        + "TRIM_PAST_END, uncharged",
                minimum = "0",
                example = "11.5")
        Double endSeconds,

        @Valid
        @Size(max = 8)
        @Schema(
                description = "Optional: swap only the people named, up to 8 pairs of {referenceImageUrl, imageUrl} "
                        + "(an empty list is the same as none, as generated clients send it). "
                        + "A face in the target that matches a pair's reference photo (by face recognition) gets that "
                        + "pair's photo; two faces never take one pair in the same frame; every other face stays "
                        + "untouched. Reference and pair photos are checked as imageUrl is, each failure with a code "
                        + "of its own (REFERENCE_*, MAPPED_PHOTO_*); a target in which no mapped person is found fails "
                        + "with NO_MAPPED_FACE_FOUND, uncharged. Implies faceSelector mapped")
        java.util.List<FaceMappingRequest> faceMappings,

        @Pattern(regexp = "all|largest|mapped", message = "must be one of all, largest, mapped")
        @Schema(
                enumeration = {"all", "largest", "mapped"},
                description = "Optional: which faces of the target get swapped. all: every face (the default, unless "
                        + "the operator set clipzap.swap.largest-face-only); largest: only the largest face of each "
                        + "frame; mapped: only the people of faceMappings (needs them: 400 / 40012 without; all or "
                        + "largest with faceMappings is 40012 too)",
                example = "mapped")
        String faceSelector) {

    /** The seconds a task holds (and at most is charged): the trimmed part, or the whole declared duration. */
    public double trimmedSeconds() {
        java.math.BigDecimal start =
                startSeconds == null ? java.math.BigDecimal.ZERO : java.math.BigDecimal.valueOf(startSeconds);
        java.math.BigDecimal end = java.math.BigDecimal.valueOf(endSeconds == null ? duration : endSeconds);
        return end.subtract(start).doubleValue(); // decimal: 2.2 - 0.2 is 2, not 2.0000000000000004
    }

    // in the common subset of Java and ECMA-262 regular expressions, so that clients validate as the server does
    static final String HTTP_URL = "[Hh][Tt][Tt][Pp][Ss]?://[^\\x00-\\x20/?#@]+(/[^\\x00-\\x20]*)?";
    static final String HTTP_URL_MESSAGE = "must be an http or https URL without credentials";
}
