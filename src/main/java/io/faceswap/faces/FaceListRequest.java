package io.faceswap.faces;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListFaces", description = "A photo (imageUrl) or a video (videoUrl, at seconds): exactly one of them")
public record FaceListRequest(
        @Size(max = 2048)
        @Pattern(regexp = HTTP_URL, message = "must be an http or https URL without credentials")
        @Schema(
                description = "A photo whose faces to list (http or https)",
                example = "https://media.example.com/group.jpg")
        String imageUrl,

        @Size(max = 2048)
        @Pattern(regexp = HTTP_URL, message = "must be an http or https URL without credentials")
        @Schema(
                description = "A video whose faces to list, at the given seconds (http or https)",
                example = "https://media.example.com/clip.mp4")
        String videoUrl,

        @Size(max = 10)
        @Schema(
                description = "With videoUrl: the seconds (from its first frame) at which to look, up to 10; default "
                        + "(absent or empty) [0]. A second at or past the video's end is 400",
                example = "[0, 4.5]")
        List<@NotNull @DecimalMin("0") Double> seconds) {

    // the same URL rule as a create's
    static final String HTTP_URL = "[Hh][Tt][Tt][Pp][Ss]?://[^\\x00-\\x20/?#@]+(/[^\\x00-\\x20]*)?";
}
