package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // IPv4
        "8.8.8.8, PUBLIC",
        "93.184.215.14, PUBLIC",
        "1.1.1.1, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.128.0.1, PUBLIC",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "10.0.0.5, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "169.254.1.1, LINK_LOCAL",
        "169.254.169.254, METADATA",
        "169.254.170.2, METADATA",
        "100.100.100.200, METADATA",
        "168.63.129.16, METADATA",
        "100.64.0.1, SHARED_CGNAT",
        "100.127.255.255, SHARED_CGNAT",
        "198.18.0.1, BENCHMARK",
        "198.19.255.255, BENCHMARK",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "255.255.255.255, BROADCAST",
        "240.0.0.1, RESERVED",
        "192.0.2.1, RESERVED",
        "203.0.113.9, RESERVED",
        // IPv6
        "2606:4700:4700::1111, PUBLIC",
        "::1, LOOPBACK",
        "::, UNSPECIFIED",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "fec0::1, PRIVATE",
        "fc00::1, UNIQUE_LOCAL",
        "fd12:3456::1, UNIQUE_LOCAL",
        "fd00:ec2::254, METADATA",
        "ff02::1, MULTICAST",
        "2001:db8::1, RESERVED",
        // IPv6 forms embedding IPv4: Java turns mapped ones into Inet4Address itself
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:169.254.169.254, METADATA",
        "::ffff:8.8.8.8, PUBLIC",
        "::127.0.0.1, LOOPBACK",
        "::10.0.0.1, PRIVATE",
        "64:ff9b::a9fe:a9fe, METADATA",
        "64:ff9b::7f00:1, LOOPBACK",
        "64:ff9b::808:808, PUBLIC",
        "64:ff9b:1::1, PRIVATE",
        "2002:7f00:1::1, LOOPBACK",
        "2002:a00:1::1, PRIVATE",
        "2002:808:808::1, PUBLIC",
    })
    void classifies(String literal, AddressKind expected) throws UnknownHostException {
        assertEquals(expected, AddressClassifier.classify(InetAddress.getByName(literal)));
    }

    @Test
    void looksInsideMappedAddressesJavaLeftAsIpv6() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertEquals(AddressKind.LOOPBACK, AddressClassifier.classify(Inet6Address.getByAddress(null, mapped, -1)));
    }

    @Test
    void privateSwitchOpensInternalRangesButNeverMetadataOrMulticast() {
        assertTrue(AddressKind.PUBLIC.allowed(false));
        assertFalse(AddressKind.LOOPBACK.allowed(false));
        assertTrue(AddressKind.LOOPBACK.allowed(true));
        assertTrue(AddressKind.PRIVATE.allowed(true));
        assertFalse(AddressKind.METADATA.allowed(true));
        assertFalse(AddressKind.MULTICAST.allowed(true));
        assertFalse(AddressKind.UNSPECIFIED.allowed(true));
    }
}
