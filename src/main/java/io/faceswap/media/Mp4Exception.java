package io.faceswap.media;

/**
 * An MP4/MOV index a span fetch will not plan from: malformed, hostile (sizes or counts that do not fit), or beyond
 * what {@link Mp4Index} reads (fragments, several edits, codecs not known to be safe in a sparse file). Never shown
 * to customers: the fetch falls back to downloading the whole file, and the decoder has the last word on it.
 */
final class Mp4Exception extends RuntimeException {

    Mp4Exception(String message) {
        super(message, null, false, false); // a planning verdict, logged as one line: no stack trace
    }
}
