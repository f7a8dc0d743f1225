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
 * the retry delays) applies to the next delivery without a redeploy. Defaults are in the README's table.
 */
@ApplicationScoped
public class WebhookSettings {

    public RetrySchedule retries() {
        return RetrySchedule.parse(string("clipzap.webhooks.retry-delays", RetrySchedule.DEFAULT));
    }

    /** How long a node holds a delivery it is sending: well over the send timeout, so only a dead node loses it. */
    public Duration lease() {
        return Duration.ofSeconds(config().getOptionalValue("clipzap.webhooks.lease-seconds", Long.class)
                .orElse(60L));
    }

    public long pollMillis() {
        return config().getOptionalValue("clipzap.webhooks.poll-millis", Long.class)
                .orElse(1000L);
    }

    /** Deliveries sent at once by one node. */
    public int parallelism() {
        return config().getOptionalValue("clipzap.webhooks.parallel-sends", Integer.class)
                .orElse(4);
    }

    /** Grace of the old secrets when a user rolls without saying (seconds). */
    public long defaultGraceSeconds() {
        return config().getOptionalValue("clipzap.webhooks.secret-grace-seconds", Long.class)
                .orElse(86_400L);
    }

    public boolean allowPrivateNetworks() {
        return config().getOptionalValue("clipzap.media.allow-private-networks", Boolean.class)
                .orElse(false);
    }

    /** Where clients reach this service: the payload's {@code resultUrl} is resolved against it. */
    public URI publicBaseUrl() {
        return publicBaseUrl(config());
    }

    /** The same from a given config (the OpenAPI filter runs outside the deployment's context class loader). */
    public static URI publicBaseUrl(Config config) {
        String base =
                config.getOptionalValue("clipzap.public-base-url", String.class).orElse("http://127.0.0.1:8080/");
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** https only and public addresses only, unless the private-network switch is on (tests, development). */
    public FetchPolicy policy() {
        Duration timeout = Duration.ofSeconds(config().getOptionalValue("clipzap.webhooks.timeout-seconds", Long.class)
                .orElse(10L));
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

    private static String string(String key, String otherwise) {
        return config().getOptionalValue(key, String.class).orElse(otherwise);
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
