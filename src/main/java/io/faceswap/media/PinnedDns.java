package io.faceswap.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp's name lookup for one hop: answers only the hop's host, and only with the addresses {@link AddressGuard}
 * vetted for it. The name was resolved once, before the call; OkHttp never resolves again, so a rebinding DNS server
 * cannot swap in an internal address after the check (DNS pinning).
 */
final class PinnedDns implements Dns {

    private final String host;
    private final List<InetAddress> vetted;

    PinnedDns(String host, List<InetAddress> vetted) {
        this.host = TargetUrl.normalizeHost(host);
        this.vetted = List.copyOf(vetted);
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (!TargetUrl.normalizeHost(hostname).equals(host)) {
            // cannot happen without a proxy or a parser difference; refusing is the safe answer either way
            throw new UnknownHostException("lookup of a host other than the vetted one");
        }
        return vetted;
    }
}
