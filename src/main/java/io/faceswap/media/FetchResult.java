package io.faceswap.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A completed download.
 *
 * @param target      where the bytes now are
 * @param bytes       bytes received in response bodies, always at least 1: the file's size for a whole fetch; for
 *                    {@link SafeMediaFetcher#fetchWindow} what its ranges carried (plus the whole file after a
 *                    fallback), while the file at {@code target} has the video's full length
 * @param finalUri    the URI that answered after redirects (may contain a query string: do not log it as is)
 * @param contentType the Content-Type the server claimed, informational only: never trust it for decoding
 * @param elapsed     wall time of the whole fetch, redirects included
 */
public record FetchResult(Path target, long bytes, URI finalUri, Optional<String> contentType, Duration elapsed) {}
