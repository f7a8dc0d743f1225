package io.faceswap.media;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits of one fetch. Start from {@link #defaults()} and adjust with the {@code with...} methods.
 *
 * @param allowPrivateNetworks also allow loopback, private, link-local, unique-local, CGNAT and benchmark addresses
 *                             (for development against a local store), <em>and any port</em>: with internal
 *                             services reachable anyway a port rule adds nothing, and tests serve on random ports.
 *                             Cloud-metadata, multicast, unspecified, broadcast and reserved addresses stay refused.
 * @param maxBytes             largest body accepted, in bytes
 * @param connectTimeout       limit for establishing each TCP connection
 * @param readTimeout          limit for each single read or write: catches a server that stalls
 * @param totalTimeout         one deadline for the whole fetch, redirects included: connect, TLS handshake, headers and
 *                             body. A watchdog closes the connection when it passes, so a server that drips bytes
 *                             cannot stretch it. Host name resolution is not covered (see {@link SafeMediaFetcher}).
 * @param maxRedirects         redirects followed before giving up
 * @param allowedSchemes       lower-case; only {@code http} and {@code https} are supported, so this can only narrow
 * @param userAgent            User-Agent header sent
 * @param extraPorts           ports allowed besides 80 and 443 (each hop's port is checked before any lookup), so the
 *                             fetcher cannot be used to probe arbitrary services of public hosts
 */
public record FetchPolicy(
        boolean allowPrivateNetworks,
        long maxBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        int maxRedirects,
        Set<String> allowedSchemes,
        String userAgent,
        Set<Integer> extraPorts) {

    private static final Set<String> SUPPORTED_SCHEMES = Set.of("http", "https");
    private static final Set<Integer> STANDARD_PORTS = Set.of(80, 443);

    public FetchPolicy {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
        allowedSchemes =
                allowedSchemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (allowedSchemes.isEmpty() || !SUPPORTED_SCHEMES.containsAll(allowedSchemes)) {
            throw new IllegalArgumentException("allowedSchemes must be a non-empty subset of " + SUPPORTED_SCHEMES);
        }
        // the value goes verbatim into the request head: a line break would let it inject headers
        if (Objects.requireNonNull(userAgent, "userAgent").isBlank()
                || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgent must be non-blank printable text");
        }
        extraPorts = Set.copyOf(Objects.requireNonNull(extraPorts, "extraPorts"));
        if (extraPorts.stream().anyMatch(p -> p < 1 || p > 65535)) {
            throw new IllegalArgumentException("extraPorts must be between 1 and 65535");
        }
    }

    /** Public addresses only, ports 80 and 443, 100 MiB, 5 s connect, 15 s per read, 2 min overall, 5 redirects. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(
                false,
                100L * 1024 * 1024,
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofMinutes(2),
                5,
                SUPPORTED_SCHEMES,
                "faceswap-media-fetcher/1.0",
                Set.of());
    }

    /** Whether a URL may name this port: 80, 443, an extra port, or any port under the private-network switch. */
    public boolean portAllowed(int port) {
        return allowPrivateNetworks || STANDARD_PORTS.contains(port) || extraPorts.contains(port);
    }

    public FetchPolicy withAllowPrivateNetworks(boolean allow) {
        return new FetchPolicy(
                allow,
                maxBytes,
                connectTimeout,
                readTimeout,
                totalTimeout,
                maxRedirects,
                allowedSchemes,
                userAgent,
                extraPorts);
    }

    public FetchPolicy withMaxBytes(long max) {
        return new FetchPolicy(
                allowPrivateNetworks,
                max,
                connectTimeout,
                readTimeout,
                totalTimeout,
                maxRedirects,
                allowedSchemes,
                userAgent,
                extraPorts);
    }

    public FetchPolicy withTimeouts(Duration connect, Duration read, Duration total) {
        return new FetchPolicy(
                allowPrivateNetworks,
                maxBytes,
                connect,
                read,
                total,
                maxRedirects,
                allowedSchemes,
                userAgent,
                extraPorts);
    }

    public FetchPolicy withMaxRedirects(int max) {
        return new FetchPolicy(
                allowPrivateNetworks,
                maxBytes,
                connectTimeout,
                readTimeout,
                totalTimeout,
                max,
                allowedSchemes,
                userAgent,
                extraPorts);
    }

    public FetchPolicy withAllowedSchemes(Set<String> schemes) {
        return new FetchPolicy(
                allowPrivateNetworks,
                maxBytes,
                connectTimeout,
                readTimeout,
                totalTimeout,
                maxRedirects,
                schemes,
                userAgent,
                extraPorts);
    }

    public FetchPolicy withUserAgent(String agent) {
        return new FetchPolicy(
                allowPrivateNetworks,
                maxBytes,
                connectTimeout,
                readTimeout,
                totalTimeout,
                maxRedirects,
                allowedSchemes,
                agent,
                extraPorts);
    }

    /** Ports allowed besides 80 and 443, e.g. 8443 for a media store; replaces any earlier list. */
    public FetchPolicy withExtraPorts(Set<Integer> ports) {
        return new FetchPolicy(
                allowPrivateNetworks,
                maxBytes,
                connectTimeout,
                readTimeout,
                totalTimeout,
                maxRedirects,
                allowedSchemes,
                userAgent,
                ports);
    }

    private static void requirePositive(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
