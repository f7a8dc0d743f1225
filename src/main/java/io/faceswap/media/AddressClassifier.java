package io.faceswap.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Classifies IP addresses by their raw bytes rather than {@code InetAddress.isXxx()}, which misses CGNAT,
 * benchmark, reserved and unique-local ranges and does not look inside IPv6 forms that embed an IPv4 address.
 */
public final class AddressClassifier {

    private static final byte[][] METADATA_V4 = {
        {(byte) 169, (byte) 254, (byte) 169, (byte) 254}, // AWS, GCP, Azure, OpenStack, ...
        {(byte) 169, (byte) 254, (byte) 170, 2}, // AWS ECS task metadata
        {100, 100, 100, (byte) 200}, // Alibaba Cloud
        {(byte) 168, 63, (byte) 129, 16}, // Azure wire server: a public address, hence listed
    };
    private static final byte[] METADATA_V6_EC2 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x54
    }; // fd00:ec2::254

    private AddressClassifier() {}

    public static AddressKind classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(b);
        }
        throw new IllegalArgumentException("unknown address family");
    }

    private static AddressKind classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        for (byte[] metadata : METADATA_V4) {
            if (Arrays.equals(metadata, b)) {
                return AddressKind.METADATA;
            }
        }
        if (a0 == 0) return AddressKind.UNSPECIFIED;
        if (a0 == 127) return AddressKind.LOOPBACK;
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) return AddressKind.PRIVATE;
        if (a0 == 169 && a1 == 254) return AddressKind.LINK_LOCAL;
        if (a0 == 100 && (a1 & 0xc0) == 64) return AddressKind.SHARED_CGNAT;
        if (a0 == 198 && (a1 & 0xfe) == 18) return AddressKind.BENCHMARK;
        if (a0 >= 224 && a0 <= 239) return AddressKind.MULTICAST;
        if (a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) return AddressKind.BROADCAST;
        if (a0 >= 240) return AddressKind.RESERVED;
        // IETF protocol assignments and the three documentation networks
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return AddressKind.RESERVED;
        }
        return AddressKind.PUBLIC;
    }

    private static AddressKind classifyV6(byte[] b) {
        if (Arrays.equals(b, METADATA_V6_EC2)) return AddressKind.METADATA;
        if (allZero(b, 0, 16)) return AddressKind.UNSPECIFIED;
        if (allZero(b, 0, 15) && b[15] == 1) return AddressKind.LOOPBACK;
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xff) return AddressKind.MULTICAST;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) return AddressKind.LINK_LOCAL;
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) return AddressKind.PRIVATE; // deprecated site-local fec0::/10
        if ((b0 & 0xfe) == 0xfc) return AddressKind.UNIQUE_LOCAL;
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the IPv4 address itself
        if (allZero(b, 0, 10) && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || allZero(b, 10, 12))) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16));
        }
        // NAT64 64:ff9b::/96 translates to the embedded IPv4 address; 64:ff9b:1::/48 is for local use only
        if (b0 == 0 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (allZero(b, 4, 12)) {
                return classifyV4(Arrays.copyOfRange(b, 12, 16));
            }
            return b[4] == 0 && b[5] == 1 ? AddressKind.PRIVATE : AddressKind.RESERVED;
        }
        if (b0 == 0x20 && b1 == 0x02) { // 6to4 2002:wwxx:yyzz::/48 relays to wwxx:yyzz
            return classifyV4(Arrays.copyOfRange(b, 2, 6));
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return AddressKind.RESERVED; // 2001:db8::/32 documentation
        }
        if (b0 == 0x01 && b1 == 0 && allZero(b, 2, 8)) return AddressKind.RESERVED; // 100::/64 discard
        return AddressKind.PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }
}
