package io.faceswap.batch;

import io.faceswap.media.FetchPolicy;
import io.faceswap.swap.video.VideoLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Download and video limits from MicroProfile Config, read at each use (so a changed system property takes effect
 * for the next task without a redeploy). Defaults are in {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class MediaSettings {

    public FetchPolicy imagePolicy() {
        return policy(config().getValue("clipzap.media.max-image-bytes", Long.class));
    }

    public FetchPolicy videoPolicy() {
        return policy(config().getValue("clipzap.media.max-video-bytes", Long.class));
    }

    public VideoLimits videoLimits() {
        Config c = config();
        return new VideoLimits(
                c.getValue("clipzap.video.max-long-side", Integer.class),
                c.getValue("clipzap.video.max-short-side", Integer.class),
                c.getValue("clipzap.tasks.max-duration-seconds", Double.class));
    }

    private FetchPolicy policy(long maxBytes) {
        Config c = config();
        return FetchPolicy.defaults()
                .withAllowPrivateNetworks(c.getValue("clipzap.media.allow-private-networks", Boolean.class))
                .withMaxBytes(maxBytes)
                .withTimeouts(
                        Duration.ofSeconds(c.getValue("clipzap.media.connect-timeout-seconds", Long.class)),
                        Duration.ofSeconds(c.getValue("clipzap.media.read-timeout-seconds", Long.class)),
                        Duration.ofSeconds(c.getValue("clipzap.media.total-timeout-seconds", Long.class)))
                .withMaxRedirects(c.getValue("clipzap.media.max-redirects", Integer.class))
                .withExtraPorts(c.getOptionalValues("clipzap.media.extra-ports", Integer.class)
                        .map(Set::copyOf)
                        .orElse(Set.of()));
    }

    /** The deployment's config, whatever thread asks: the defaults file is visible to this class's loader. */
    private static Config config() {
        return ConfigProvider.getConfig(MediaSettings.class.getClassLoader());
    }
}
