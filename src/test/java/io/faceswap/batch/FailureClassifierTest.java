package io.faceswap.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.face.NoFaceInImageException;
import io.faceswap.task.TaskErrorCode;
import org.junit.jupiter.api.Test;

/** How failures become the codes and messages clients read. */
class FailureClassifierTest {

    @Test
    void ourOwnFailuresKeepTheirCodeEvenWhenWrapped() {
        FailureClassifier.Failure f = FailureClassifier.classify(
                "t",
                new IllegalStateException(
                        "batch wrapper",
                        new TaskFailure(TaskErrorCode.URL_FORBIDDEN, "The photo could not be fetched: no")));
        assertEquals(TaskErrorCode.URL_FORBIDDEN, f.code());
        assertEquals(
                TaskErrorCode.NO_FACE_IN_IMAGE,
                FailureClassifier.classify("t", new RuntimeException(new NoFaceInImageException("No face")))
                        .code());
    }

    @Test
    void anythingElseIsAnInternalErrorWithAnIncidentIdAndNoInternals() {
        FailureClassifier.Failure f =
                FailureClassifier.classify("t", new NullPointerException("secret internals at io.faceswap.Something"));
        assertEquals(TaskErrorCode.INTERNAL_ERROR, f.code());
        assertTrue(f.message().matches("Internal error; quote incident [0-9a-f-]{36}"), f.message());
        assertFalse(f.message().contains("secret"));
    }

    @Test
    void everyEngineCodeIsAMemberOfTheTaskVocabulary() {
        for (String engine : java.util.List.of(
                "NOT_AN_IMAGE",
                "NO_FACE_IN_IMAGE",
                "NOT_A_VIDEO",
                "NO_VIDEO_STREAM",
                "CORRUPT_VIDEO",
                "UNSUPPORTED_CODEC",
                "VIDEO_TOO_LARGE",
                "VIDEO_TOO_LONG",
                "IMAGE_TOO_LARGE",
                "SOURCE_FACE_TOO_SMALL",
                "SOURCE_FACE_TURNED",
                "VIDEO_TOO_MANY_FRAMES",
                "UNSUPPORTED_ROTATION")) {
            assertEquals(engine, TaskErrorCode.of(engine).name());
        }
        assertEquals(TaskErrorCode.INTERNAL_ERROR, TaskErrorCode.of("SOMETHING_NEW"));
    }

    @Test
    void aLostLeaseIsRecognisedThroughWrappers() {
        assertTrue(FailureClassifier.leaseLost(
                new IllegalStateException("chunk", new io.faceswap.task.LeaseLostException("t", "node-a"))));
        assertFalse(FailureClassifier.leaseLost(new TaskFailure(TaskErrorCode.URL_TIMEOUT, "x")));
    }
}
