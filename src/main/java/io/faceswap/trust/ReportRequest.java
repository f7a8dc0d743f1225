package io.faceswap.trust;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An abuse report: which result (its URL or its task id), why, and optionally how to reach the reporter. */
@Schema(name = "AbuseReportRequest", description = "Give resultUrl or taskId (or both); reason is required")
public record ReportRequest(
        @Size(max = 2048)
        @Pattern(regexp = "[Hh][Tt][Tt][Pp][Ss]?://[^\\x00-\\x20]+", message = "must be an http or https URL")
        @Schema(
                description = "The result's URL as you saw it (it contains the task id)",
                example = "https://api.example.com/v1/faceswap_openapi/result/65f1c0ffee0ddba11c0ffee1")
        String resultUrl,

        @Pattern(regexp = TASK_ID, message = "must be a task id (24 lower-case hex characters)")
        @Schema(example = "65f1c0ffee0ddba11c0ffee1")
        String taskId,

        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = TEXT, message = "must not contain control characters but line breaks")
        @Schema(
                description = "What is wrong, e.g. that you appear in it without having agreed",
                example = "This video shows my face; I never agreed to it",
                required = true)
        String reason,

        @Size(max = 200)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        @Schema(description = "Optional: an e-mail address or phone number for a reply", example = "me@example.org")
        String contact) {

    static final String TASK_ID = "[0-9a-f]{24}";
    /** Text with line breaks and tabs but no other control character; one class, so long text never recurses. */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private static final java.util.regex.Pattern ID_IN_URL =
            java.util.regex.Pattern.compile("(?<![0-9a-f])([0-9a-f]{24})(?![0-9a-f])");

    @AssertTrue(message = "give resultUrl or taskId")
    @Schema(hidden = true)
    public boolean isNamingAResult() {
        return resultUrl != null || taskId != null;
    }

    /** The task the report is about: taskId, else the last task id in the result URL's path. */
    Optional<String> reportedTaskId() {
        if (taskId != null) {
            return Optional.of(taskId);
        }
        if (resultUrl == null) {
            return Optional.empty();
        }
        String path = resultUrl.replaceFirst("(?i)^https?://[^/]*", "").replaceFirst("[?#].*$", "");
        java.util.regex.Matcher m = ID_IN_URL.matcher(path);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }
}
