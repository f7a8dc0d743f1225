package io.faceswap.media;

/** Why a download was refused or failed. */
public enum MediaFetchError {
    INVALID_URL, FORBIDDEN_ADDRESS, UNREACHABLE, TIMEOUT, HTTP_ERROR, TOO_LARGE, TOO_MANY_REDIRECTS, EMPTY_BODY
}
