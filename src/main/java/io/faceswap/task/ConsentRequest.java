package io.faceswap.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The creator's statement that the people whose faces are used agreed (issue 27); kept with the task. */
@Schema(
        name = "Consent",
        description = "The caller attests that the person in the photo, and the people whose faces are replaced, "
                + "consented. Required on every create when the operator sets clipzap.trust.require-consent=true "
                + "(400 CONSENT_REQUIRED otherwise). Stored with the task and in the audit log with the key that "
                + "made it.")
public record ConsentRequest(
        @NotNull @Schema(description = "Must be true to count as an attestation", example = "true", required = true)
        Boolean attested,

        @Size(max = 500)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        @Schema(
                description = "Optional: how consent was obtained, e.g. a reference to a signed release",
                example = "Signed model release #2026-114 on file")
        String statement) {

    /** Whether this is an attestation at all: present, and attested true. */
    static boolean given(ConsentRequest consent) {
        return consent != null && Boolean.TRUE.equals(consent.attested());
    }
}
