package io.faceswap.task;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consent on record (issue 27): an operator may require every create to carry an attestation; whatever is given is
 * stored with the task and written to the audit log, whose actor is the key that made it ({@code key:<id>}).
 */
@ApplicationScoped
public class ConsentPolicy {

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "clipzap.trust.require-consent")
    boolean required;

    /** Before anything is held: 400 CONSENT_REQUIRED when consent is required and not attested. */
    void check(ConsentRequest consent) {
        if (required && !ConsentRequest.given(consent)) {
            throw new ApiException(
                    ErrorCode.CONSENT_REQUIRED,
                    "This service requires consent: send \"consent\": {\"attested\": true, \"statement\": ...} "
                            + "to attest that the people whose faces are used agreed");
        }
    }

    /** In the creating transaction, once the task exists: the attestation, if any, goes to the audit log. */
    void recorded(FaceSwapTask task) {
        if (Boolean.TRUE.equals(task.getConsentAttested())) {
            String statement = task.getConsentStatement();
            audit.record(
                    AuditLog.CONSENT,
                    task.getUserId(),
                    task.getId(),
                    "attested by key " + task.getKeyId() + (statement == null ? "" : "; statement: " + statement));
        }
    }
}
