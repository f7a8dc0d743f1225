package io.faceswap.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A create's rules before anything is held, without a server (TaskApiIT sees the same refusals over HTTP). */
class CreateRulesTest {
    private static final String PHOTO = "https://media.example.com/face.jpg";
    private static final String VIDEO = "https://media.example.com/clip.mp4";

    private static CreateTaskRequest video(Double duration, Double start, Double end) {
        return new CreateTaskRequest(null, PHOTO, VIDEO, null, duration, null, null, null, start, end, null, null);
    }

    private static ErrorCode refusal(CreateTaskRequest request) {
        ApiException e = assertThrows(ApiException.class, () -> {
            boolean photo = CreateRules.target(request);
            CreateRules.check(request, photo, 600);
        });
        return e.error();
    }

    @Test
    void aVideoWithinItsLimitsPasses() {
        assertFalse(CreateRules.target(video(12.5, null, null)));
        assertDoesNotThrow(() -> CreateRules.check(video(12.5, 1.0, 11.5), false, 600));
    }

    @Test
    void targetsAreOneOfTwo() {
        CreateTaskRequest photo =
                new CreateTaskRequest(null, PHOTO, null, PHOTO, null, null, null, null, null, null, null, null);
        assertTrue(CreateRules.target(photo));
        assertEquals(
                ErrorCode.TARGET_CONFLICT,
                refusal(new CreateTaskRequest(
                        null, PHOTO, VIDEO, PHOTO, 1.0, null, null, null, null, null, null, null)));
        assertEquals(
                ErrorCode.TARGET_MISSING,
                refusal(new CreateTaskRequest(null, PHOTO, null, null, 1.0, null, null, null, null, null, null, null)));
        assertEquals(
                ErrorCode.VALIDATION_FAILED,
                refusal(new CreateTaskRequest(null, PHOTO, null, PHOTO, null, null, null, null, 1.0, null, null, null)),
                "a trim on a photo");
    }

    @Test
    void durationAndTrimAreChecked() {
        assertEquals(ErrorCode.VALIDATION_FAILED, refusal(video(null, null, null)));
        assertEquals(ErrorCode.VALIDATION_FAILED, refusal(video(601.0, null, null)));
        assertEquals(ErrorCode.TRIM_NEGATIVE, refusal(video(10.0, -1.0, null)));
        assertEquals(ErrorCode.TRIM_EMPTY, refusal(video(10.0, 3.0, 3.0)));
        assertEquals(ErrorCode.TRIM_PAST_END, refusal(video(10.0, 10.0, null)));
        assertEquals(ErrorCode.TRIM_PAST_END, refusal(video(10.0, 1.0, 10.5)));
        assertDoesNotThrow(() -> CreateRules.check(video(10.0, null, 10.0), false, 600));
    }

    @Test
    void faceSelectorAndMappingsAgree() {
        List<FaceMappingRequest> one = List.of(new FaceMappingRequest(PHOTO, null, null));
        assertEquals(FaceMappings.MAPPED, FaceMappings.selector(withFaces(one, null)));
        assertEquals(FaceMappings.MAPPED, FaceMappings.selector(withFaces(one, "mapped")));
        assertEquals("largest", FaceMappings.selector(withFaces(null, "largest")));
        assertEquals(null, FaceMappings.selector(withFaces(null, null)));
        for (CreateTaskRequest bad : List.of(withFaces(one, "all"), withFaces(null, "mapped"))) {
            ApiException e = assertThrows(ApiException.class, () -> FaceMappings.selector(bad));
            assertEquals(ErrorCode.FACE_SELECTOR_CONFLICT, e.error());
        }
        ApiException neither = assertThrows(
                ApiException.class,
                () -> FaceMappings.selector(withFaces(List.of(new FaceMappingRequest(null, null, PHOTO)), null)));
        assertEquals(ErrorCode.VALIDATION_FAILED, neither.error());
    }

    private static CreateTaskRequest withFaces(List<FaceMappingRequest> mappings, String selector) {
        return new CreateTaskRequest(null, PHOTO, VIDEO, null, 10.0, null, null, null, null, null, mappings, selector);
    }
}
