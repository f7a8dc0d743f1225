package io.faceswap.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pair of a create's {@code faceMappings}: whom to replace (a reference photo) and with whom (a photo). */
@Schema(name = "FaceMapping")
public record FaceMappingRequest(
        @NotBlank
        @Size(max = 2048)
        @Pattern(regexp = CreateTaskRequest.HTTP_URL, message = CreateTaskRequest.HTTP_URL_MESSAGE)
        @Schema(
                description = "A photo of the person in the target to replace (http or https). In each frame, the "
                        + "face that a face-recognition model finds to be this person gets this pair's photo; faces "
                        + "matching no pair stay as they are",
                example = "https://media.example.com/host.jpg",
                required = true)
        String referenceImageUrl,

        @Size(max = 2048)
        @Pattern(regexp = CreateTaskRequest.HTTP_URL, message = CreateTaskRequest.HTTP_URL_MESSAGE)
        @Schema(
                description =
                        "Optional: the face to put on that person (http or https); default: the task's " + "imageUrl",
                example = "https://media.example.com/face.jpg")
        String imageUrl) {}
