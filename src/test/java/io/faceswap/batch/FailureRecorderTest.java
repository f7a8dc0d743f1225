package io.faceswap.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceswap.swap.face.NoFaceInImageException;
import org.junit.jupiter.api.Test;

/** How failures become the codes and messages clients read. */
class FailureRecorderTest {

    @Test
    void ourOwnFailuresKeepTheirCodeEvenWhenWrapped() {
        FailureRecorder.Failure f = FailureRecorder.classify("t", new IllegalStateException("batch wrapper",
                new TaskFailure(FailureCodes.URL_FORBIDDEN, "The photo could not be fetched: no")));
        assertEquals(FailureCodes.URL_FORBIDDEN, f.code());
        assertEquals("NO_FACE_IN_IMAGE", FailureRecorder.classify("t",
                new RuntimeException(new NoFaceInImageException("No face"))).code());
    }

    @Test
    void anythingElseIsAnInternalErrorWithAnIncidentIdAndNoInternals() {
        FailureRecorder.Failure f = FailureRecorder.classify("t",
                new NullPointerException("secret internals at io.faceswap.Something"));
        assertEquals(FailureCodes.INTERNAL_ERROR, f.code());
        assertTrue(f.message().matches("Internal error; quote incident [0-9a-f-]{36}"), f.message());
        assertFalse(f.message().contains("secret"));
    }

    @Test
    void theFirstFailureOfATaskWins() {
        FailureRecorder recorder = new FailureRecorder();
        recorder.record("t", new TaskFailure(FailureCodes.URL_TIMEOUT, "first"));
        recorder.record("t", new TaskFailure(FailureCodes.URL_HTTP_ERROR, "second"));
        assertEquals("first", recorder.take("t").orElseThrow().message());
        assertTrue(recorder.take("t").isEmpty(), "taken once");
    }
}
