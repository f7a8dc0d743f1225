package io.faceswap.batch;

import io.faceswap.media.FetchPolicy;
import io.faceswap.swap.video.VideoLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Download and video limits from MicroProfile Config, read at each use (so a changed system property takes effect
 * for the next task without a redeploy).
 */
@ApplicationScoped
public class MediaSettings {

    public FetchPolicy imagePolicy() {
        return policy(config().getOptionalValue("clipzap.media.max-image-bytes", Long.class)
                .orElse(10L << 20));
    }

    public FetchPolicy videoPolicy() {
        return policy(config().getOptionalValue("clipzap.media.max-video-bytes", Long.class)
                .orElse(200L << 20));
    }

    public VideoLimits videoLimits() {
        Config c = config();
        return new VideoLimits(
                c.getOptionalValue("clipzap.video.max-long-side", Integer.class).orElse(1920),
                c.getOptionalValue("clipzap.video.max-short-side", Integer.class)
                        .orElse(1080),
                c.getOptionalValue("clipzap.tasks.max-duration-seconds", Double.class)
                        .orElse(600.0));
    }

    private FetchPolicy policy(long maxBytes) {
        Config c = config();
        return FetchPolicy.defaults()
                .withAllowPrivateNetworks(c.getOptionalValue("clipzap.media.allow-private-networks", Boolean.class)
                        .orElse(false))
                .withMaxBytes(maxBytes)
                .withTimeouts(
                        Duration.ofSeconds(c.getOptionalValue("clipzap.media.connect-timeout-seconds", Long.class)
                                .orElse(10L)),
                        Duration.ofSeconds(c.getOptionalValue("clipzap.media.read-timeout-seconds", Long.class)
                                .orElse(30L)),
                        Duration.ofSeconds(c.getOptionalValue("clipzap.media.total-timeout-seconds", Long.class)
                                .orElse(600L)))
                .withMaxRedirects(c.getOptionalValue("clipzap.media.max-redirects", Integer.class)
                        .orElse(5))
                .withExtraPorts(c.getOptionalValues("clipzap.media.extra-ports", Integer.class)
                        .map(java.util.Set::copyOf)
                        .orElse(java.util.Set.of()));
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
