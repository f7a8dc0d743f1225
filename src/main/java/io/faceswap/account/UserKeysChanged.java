package io.faceswap.account;

/**
 * A user was suspended or unsuspended on this node; observed after the commit so that this node's key cache reads
 * the user's keys again at once (other nodes within their cache's second).
 */
public record UserKeysChanged(String userId) {}
