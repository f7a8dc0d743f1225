package io.faceswap.media;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable in tests so that no test needs a real name server. */
@FunctionalInterface
public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = InetAddress::getAllByName;
}
