package io.faceswap.webhook;

import io.faceswap.api.ApiException;
import io.faceswap.api.ErrorCode;
import io.faceswap.media.MediaFetchException;
import io.faceswap.media.TargetUrl;
import io.faceswap.task.CallbackTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;

/**
 * Checks a callback URL when it is given (at create, or as a user's default): https unless private networks are
 * allowed, and parseable. Addresses are checked when each delivery is sent, since a name's answer can change; a
 * URL that then resolves to a refused address is logged as a failed attempt and never connected to.
 */
@ApplicationScoped
public class WebhookTargets implements CallbackTargets {

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookSecrets secrets;

    @Override
    public void requireUsable(String userId, String callbackUrl) {
        requireValidUrl("callbackUrl", callbackUrl);
        if (!secrets.hasValid(userId)) {
            throw new ApiException(
                    ErrorCode.VALIDATION_FAILED,
                    "callbackUrl: create a signing secret first "
                            + "(POST /v1/faceswap_openapi/webhook_secret), so that callbacks can be verified");
        }
    }

    void requireValidUrl(String field, String url) {
        try {
            TargetUrl.parse(url);
        } catch (MediaFetchException e) {
            throw new ApiException(ErrorCode.URL_INVALID, field + ": " + e.publicMessage());
        }
        String scheme = URI.create(url.strip()).getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !settings.allowPrivateNetworks()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, field + ": must be an https URL");
        }
    }
}
