package io.faceswap.media;

import java.time.Duration;

/**
 * Limits of one download. {@code allowPrivateNetworks} lets loopback and private addresses through (for tests and
 * closed deployments); cloud metadata addresses stay refused even then.
 */
public record FetchPolicy(boolean allowPrivateNetworks, long maxBytes, Duration connectTimeout,
                          Duration readTimeout, Duration totalTimeout, int maxRedirects) {
}
