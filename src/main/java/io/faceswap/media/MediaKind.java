package io.faceswap.media;

/** Coarse family of a media file, as guessed by {@link MediaSniffer}. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    UNKNOWN
}
