package io.faceswap.webhook;

import io.faceswap.media.FetchPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Webhook settings from MicroProfile Config, read at each use, so that a changed system property (tests shorten
 * the retry delays) applies to the next delivery without a redeploy. Defaults are in
 * {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class WebhookSettings {

    public RetrySchedule retries() {
        return RetrySchedule.parse(config().getValue("clipzap.webhooks.retry-delays", String.class));
    }

    /** How long a node holds a delivery it is sending: well over the send timeout, so only a dead node loses it. */
    public Duration lease() {
        return Duration.ofSeconds(config().getValue("clipzap.webhooks.lease-seconds", Long.class));
    }

    public long pollMillis() {
        return config().getValue("clipzap.webhooks.poll-millis", Long.class);
    }

    /** Deliveries sent at once by one node. */
    public int parallelism() {
        return config().getValue("clipzap.webhooks.parallel-sends", Integer.class);
    }

    /** Grace of the old secrets when a user rolls without saying (seconds). */
    public long defaultGraceSeconds() {
        return config().getValue("clipzap.webhooks.secret-grace-seconds", Long.class);
    }

    public boolean allowPrivateNetworks() {
        return config().getValue("clipzap.media.allow-private-networks", Boolean.class);
    }

    /** Where clients reach this service: the payload's {@code resultUrl} is resolved against it. */
    public URI publicBaseUrl() {
        return publicBaseUrl(config());
    }

    /** The same from a given config (the OpenAPI filter runs outside the deployment's context class loader). */
    public static URI publicBaseUrl(Config config) {
        String base = config.getValue("clipzap.public-base-url", String.class);
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** https only and public addresses only, unless the private-network switch is on (tests, development). */
    public FetchPolicy policy() {
        Duration timeout = Duration.ofSeconds(config().getValue("clipzap.webhooks.timeout-seconds", Long.class));
        boolean open = allowPrivateNetworks();
        return FetchPolicy.defaults()
                .withAllowPrivateNetworks(open)
                .withAllowedSchemes(open ? Set.of("http", "https") : Set.of("https"))
                .withTimeouts(timeout, timeout, timeout)
                .withMaxRedirects(0)
                .withUserAgent("ClipZap-Webhooks/1.0")
                .withExtraPorts(config().getOptionalValues("clipzap.webhooks.extra-ports", Integer.class)
                        .map(Set::copyOf)
                        .orElse(Set.of()));
    }

    /** The deployment's config, whatever thread asks: the defaults file is visible to this class's loader. */
    private static Config config() {
        return ConfigProvider.getConfig(WebhookSettings.class.getClassLoader());
    }
}
