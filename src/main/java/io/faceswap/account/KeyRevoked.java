package io.faceswap.account;

/** A key was revoked on this node; observed after the commit to drop it from the sk filter's cache. */
public record KeyRevoked(String keyId) {}
