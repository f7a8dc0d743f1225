package io.faceswap.ratelimit;

/** Which bucket a request draws from: creating tasks costs work and seconds, so it has a bucket of its own. */
public enum Kind {
    READ,
    CREATE
}
