package io.faceswap.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a target's host once and vets every address. The fetcher then connects only to these addresses, so the
 * answer checked here is the answer used: a second, rebinding DNS answer never comes into play.
 */
final class AddressGuard {

    private final HostResolver resolver;

    AddressGuard(HostResolver resolver) {
        this.resolver = resolver;
    }

    /** The addresses the fetch may connect to, in resolver order; all of them passed the policy. */
    List<InetAddress> vet(TargetUrl target, FetchPolicy policy) {
        List<InetAddress> addresses = resolve(target);
        for (InetAddress address : addresses) {
            AddressKind kind = AddressClassifier.classify(address);
            // refuse if ANY address is bad: a name mixing public and internal answers is an attack, not a fallback
            if (!kind.allowed(policy.allowPrivateNetworks())) {
                throw new MediaFetchException(
                        MediaFetchError.FORBIDDEN_ADDRESS,
                        "host of " + target.redacted() + " resolves to a refused " + kind + " address");
            }
        }
        return addresses;
    }

    private List<InetAddress> resolve(TargetUrl target) {
        String host = target.bareHost();
        try {
            if (target.isIpLiteral()) {
                return List.of(InetAddress.getByName(host)); // a literal: parsed, never looked up
            }
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return List.copyOf(addresses);
        } catch (UnknownHostException e) {
            throw new MediaFetchException(MediaFetchError.UNREACHABLE, "unknown host in " + target.redacted(), e);
        }
    }
}
