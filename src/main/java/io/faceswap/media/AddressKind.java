package io.faceswap.media;

/** What an IP address is, as far as deciding whether a server-side fetch may connect to it. */
public enum AddressKind {
    PUBLIC(Access.ALWAYS),
    LOOPBACK(Access.WITH_PRIVATE_SWITCH),
    /** RFC 1918 and the deprecated IPv6 site-local fec0::/10. */
    PRIVATE(Access.WITH_PRIVATE_SWITCH),
    LINK_LOCAL(Access.WITH_PRIVATE_SWITCH),
    /** IPv6 fc00::/7. */
    UNIQUE_LOCAL(Access.WITH_PRIVATE_SWITCH),
    /** Carrier-grade NAT 100.64.0.0/10: often the provider's internal network. */
    SHARED_CGNAT(Access.WITH_PRIVATE_SWITCH),
    /** 198.18.0.0/15, benchmarking; in practice used inside data centres. */
    BENCHMARK(Access.WITH_PRIVATE_SWITCH),
    /** Cloud instance metadata endpoints: hold credentials, so never reachable, whatever the policy. */
    METADATA(Access.NEVER),
    MULTICAST(Access.NEVER),
    /** 0.0.0.0/8 and ::, which Linux routes to the local host. */
    UNSPECIFIED(Access.NEVER),
    BROADCAST(Access.NEVER),
    /** 240.0.0.0/4, documentation ranges and other blocks no media server lives in. */
    RESERVED(Access.NEVER);

    private enum Access {
        ALWAYS,
        WITH_PRIVATE_SWITCH,
        NEVER
    }

    private final Access access;

    AddressKind(Access access) {
        this.access = access;
    }

    /** Whether a fetch may connect to an address of this kind under the given private-network switch. */
    public boolean allowed(boolean allowPrivateNetworks) {
        return access == Access.ALWAYS || (access == Access.WITH_PRIVATE_SWITCH && allowPrivateNetworks);
    }
}
