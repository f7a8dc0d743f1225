package io.faceswap.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The last check before a connection: holds even for an address that never went through the DNS hook. */
class VettingSocketFactoryTest {

    @Test
    void refusesAnInternalAddressAtConnectTime() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new VettingSocketFactory(false, Dialer.DIRECT).createSocket()) {
            IOException e = assertThrows(
                    VettingSocketFactory.RefusedAddressException.class,
                    () -> socket.connect(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 1000));
            MediaFetchException mapped = IoFailures.toFetchException(
                    e, MediaFetchError.PROTOCOL_ERROR, "x", new Deadline(Duration.ofSeconds(10)));
            assertEquals(MediaFetchError.FORBIDDEN_ADDRESS, mapped.code());
        }
    }

    @Test
    void refusesMetadataEvenWithThePrivateSwitch() throws IOException {
        try (Socket socket = new VettingSocketFactory(true, Dialer.DIRECT).createSocket()) {
            assertThrows(
                    VettingSocketFactory.RefusedAddressException.class,
                    () -> socket.connect(new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 80), 1000));
        }
    }

    @Test
    void connectsToAnAllowedAddress() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new VettingSocketFactory(true, Dialer.DIRECT).createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 1000);
            assertTrue(socket.isConnected());
        }
    }

    @Test
    void refusesConnectedSocketsThatWouldSkipTheCheck() {
        VettingSocketFactory factory = new VettingSocketFactory(true, Dialer.DIRECT);
        assertThrows(IOException.class, () -> factory.createSocket(InetAddress.getLoopbackAddress(), 80));
        assertThrows(IOException.class, () -> factory.createSocket("localhost", 80));
    }
}
