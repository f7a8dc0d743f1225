package io.faceswap.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. Pluggable so tests can map made-up names to chosen addresses without DNS, and
 * so a deployment can put its own resolver in front. Only called for names, never for IP literals.
 */
@FunctionalInterface
public interface HostResolver {

    /** All addresses of {@code host}; an empty list or {@link UnknownHostException} means it does not resolve. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM resolver ({@link InetAddress#getAllByName}), subject to its own DNS cache. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
