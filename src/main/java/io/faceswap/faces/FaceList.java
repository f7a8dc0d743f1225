package io.faceswap.faces;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The faces found, largest first within each second, and until when their ids can be used. */
@Schema(name = "FaceList")
public record FaceList(
        List<Face> faces,

        @Schema(description = "Until when the faceIds can be named in faceMappings (clipzap.faces.ttl-hours)")
        Instant expiresAt) {

    @Schema(name = "ListedFace")
    @jakarta.json.bind.annotation.JsonbNillable
    public record Face(
            @Schema(
                    description = "Names this face in a create's faceMappings instead of a referenceImageUrl",
                    example = "65f1c0ffee0ddba11c0ffee9")
            String faceId,

            @Schema(description = "The video second it was found at; null for a photo", nullable = true)
            Double second,

            Box box,

            @Schema(description = "The face as a small JPEG (at most 128 px a side), base64", format = "byte")
            String jpeg) {}

    @Schema(name = "FaceBox", description = "In the picture's pixels, upright (after EXIF orientation or rotation)")
    public record Box(int x, int y, int width, int height) {}
}
