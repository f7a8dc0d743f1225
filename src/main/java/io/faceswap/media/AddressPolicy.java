package io.faceswap.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Which addresses the service may fetch from: public unicast only, unless private networks are allowed. */
public final class AddressPolicy {
    private AddressPolicy() {
    }

    /** @throws MediaFetchException FORBIDDEN_ADDRESS when {@code address} may not be contacted */
    public static void check(InetAddress address, boolean allowPrivate) {
        InetAddress a = unwrapMapped(address);
        if (isMetadata(a) || a.isMulticastAddress() || a.isAnyLocalAddress() || isReservedV4(a)) {
            throw forbidden(address);
        }
        boolean privateRange = a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || isUniqueLocalV6(a) || isSharedV4(a) || isBenchmarkV4(a);
        if (privateRange && !allowPrivate) {
            throw forbidden(address);
        }
    }

    private static MediaFetchException forbidden(InetAddress address) {
        return new MediaFetchException(MediaFetchError.FORBIDDEN_ADDRESS,
                "The address " + address.getHostAddress() + " is not allowed (private, local or reserved)");
    }

    /**
     * IPv6 forms that carry an IPv4 address (compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}) are
     * judged as that IPv4 address. (Java already turns mapped {@code ::ffff:a.b.c.d} into IPv4.)
     */
    static InetAddress unwrapMapped(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return address;
        }
        byte[] b = v6.getAddress();
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (v6.isIPv4CompatibleAddress() || nat64) {
            try {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    private static boolean isMetadata(InetAddress a) {
        String ip = a.getHostAddress();
        return ip.equals("169.254.169.254") || ip.equals("100.100.100.200") || ip.equals("169.254.170.2")
                || ip.startsWith("fd00:ec2:0:0:0:0:0:254");
    }

    private static boolean isReservedV4(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return false;
        }
        int first = a.getAddress()[0] & 0xFF;
        return first == 0 || first >= 240; // "this network", reserved and broadcast
    }

    private static boolean isSharedV4(InetAddress a) {  // carrier-grade NAT, 100.64.0.0/10
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
    }

    private static boolean isBenchmarkV4(InetAddress a) { // 198.18.0.0/15
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xFF) == 198 && (b[1] & 0xFE) == 18;
    }

    private static boolean isUniqueLocalV6(InetAddress a) { // fc00::/7
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xFE) == 0xFC;
    }
}
