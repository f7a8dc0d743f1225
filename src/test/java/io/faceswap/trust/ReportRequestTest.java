package io.faceswap.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which task a report names: its taskId, else the task id in the result URL's path. */
class ReportRequestTest {
    private static final String ID = "65f1c0ffee0ddba11c0ffee1";

    @Test
    void theTaskIdIsTakenFromTheResultUrlsPath() {
        assertEquals(Optional.of(ID), named("https://api.example.com/v1/faceswap_openapi/result/" + ID, null));
        assertEquals(Optional.of(ID), named("http://h/v1/faceswap_openapi/result/" + ID + "?download=1#t", null));
        assertEquals(Optional.of(ID), named("https://cdn.example.com/" + ID + ".mp4", null));
    }

    @Test
    void anExplicitTaskIdWins() {
        String other = "0123456789abcdef01234567";
        assertEquals(Optional.of(other), named("https://h/v1/faceswap_openapi/result/" + ID, other));
    }

    @Test
    void noIdIsMadeUpFromTheHostOrQueryOrALongerHexRun() {
        assertEquals(Optional.empty(), named("https://" + ID + ".example.com/video.mp4", null));
        assertEquals(Optional.empty(), named("https://h/watch?v=" + ID, null));
        assertEquals(Optional.empty(), named("https://h/" + ID + "ff", null));
    }

    @Test
    void aReportMustNameAResult() {
        assertFalse(new ReportRequest(null, null, "why", null).isNamingAResult());
        assertTrue(new ReportRequest(null, ID, "why", null).isNamingAResult());
    }

    @Test
    void reasonsMayHoldLineBreaksButNoOtherControlsAndLongOnesDoNotOverflowTheMatcher() {
        java.util.regex.Pattern text = java.util.regex.Pattern.compile(ReportRequest.TEXT);
        String longReason = "It is me.\r\n\tNot agreed. ".repeat(5000); // 100,000 characters
        assertTrue(text.matcher(longReason).matches());
        assertFalse(text.matcher("bell\u0007").matches());
        assertFalse(text.matcher("nul\u0000").matches());
        assertTrue(text.matcher("Ünïcödé ✓").matches());
    }

    private static Optional<String> named(String url, String taskId) {
        return new ReportRequest(url, taskId, "why", null).reportedTaskId();
    }
}
