package io.faceswap.task;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One pair of a create's {@code faceMappings}: whom to replace (a reference photo, or a face listed earlier) and with
 * whom (a photo).
 */
@Schema(name = "FaceMapping")
public record FaceMappingRequest(
        @Size(max = 2048)
        @Pattern(regexp = CreateTaskRequest.HTTP_URL, message = CreateTaskRequest.HTTP_URL_MESSAGE)
        @Schema(
                description = "A photo of the person in the target to replace (http or https). In each frame, the "
                        + "face that a face-recognition model finds to be this person gets this pair's photo; faces "
                        + "matching no pair stay as they are",
                example = "https://media.example.com/host.jpg")
        String referenceImageUrl,

        @Pattern(regexp = "[0-9a-f]{24}", message = "must be a faceId (24 hex) from POST /v1/faceswap_openapi/faces")
        @Schema(
                description = "Instead of referenceImageUrl: a face listed by POST /v1/faceswap_openapi/faces (the "
                        + "key's user's, before its expiresAt; else 400 / 40013). Give one of the two",
                example = "65f1c0ffee0ddba11c0ffee9")
        String faceId,

        @Size(max = 2048)
        @Pattern(regexp = CreateTaskRequest.HTTP_URL, message = CreateTaskRequest.HTTP_URL_MESSAGE)
        @Schema(
                description =
                        "Optional: the face to put on that person (http or https); default: the task's " + "imageUrl",
                example = "https://media.example.com/face.jpg")
        String imageUrl) {}
