package io.faceswap.media;

import java.net.InetSocketAddress;

/**
 * Where the TCP connection for an already vetted address physically goes. Package-private seam: production always
 * uses {@link #DIRECT}; tests route every vetted "public" address to their loopback server, so that validation and
 * the physical connection target can be exercised separately without any outside traffic.
 */
@FunctionalInterface
interface Dialer {

    Dialer DIRECT = vetted -> vetted;

    InetSocketAddress destination(InetSocketAddress vetted);
}
