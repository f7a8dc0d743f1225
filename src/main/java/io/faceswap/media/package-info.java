/**
 * Safe download of user-supplied media URLs: {@link io.faceswap.media.SafeMediaFetcher} fetches an http(s) URL to a
 * file while refusing internal and cloud-metadata addresses and ports other than 80, 443 and a configured list
 * (SSRF), pinning the connection to the addresses it validated (no DNS rebinding), following redirects by hand and
 * capping size and time with one deadline over the whole fetch; {@link io.faceswap.media.TargetUrl#parse(String)}
 * checks a URL up front; {@link io.faceswap.media.MediaSniffer} gives an early, magic-byte hint of whether a file is
 * an image or a video.
 * <p>
 * {@link io.faceswap.media.SafeMediaFetcher#post} sends a body (webhook callbacks) under the same address checks,
 * pinning and deadline, returning the status without following redirects.
 * <p>
 * {@link io.faceswap.media.SafeMediaFetcher#fetchWindow} is for trimmed videos (issue 26): of an MP4/MOV file on a
 * server that answers byte ranges, only the spans a time window's samples (and FFmpeg's probing) need are fetched, by
 * Range requests under the same checks and deadline, into a file of the full length whose other bytes are zeros
 * ({@code SpanFetch}). The little of MP4 this takes is read here ({@code Mp4Layout}, {@code Mp4Index}: box sizes
 * and sample tables, every size and count checked before use, the {@code moov} capped at 64 MiB); whatever is
 * unexpected, in the file or in the server's answers, falls back to the whole file.
 * <p>
 * HTTP itself is OkHttp's (HTTP/1.1 framing, chunked decoding, TLS, the call-timeout watchdog): security-sensitive
 * parsing belongs in a well-kept library. The classes here hold only our policy, plugged into OkHttp's hooks:
 * {@code PinnedDns} (the DNS hook answering with vetted addresses only), {@code VettingSocketFactory} (re-checks
 * every address at connect time) and {@code Hop} (one request, its deadline, redirects and size caps).
 * <p>
 * Plain Java 17 plus OkHttp only. Must not depend on Jakarta EE, MicroProfile or any other package of this
 * application: a CDI adapter elsewhere wires it in, and its tests run without a server. Failures are logged here
 * with java.util.logging at INFO (details, URLs redacted); what customers see is
 * {@link io.faceswap.media.MediaFetchException#publicMessage()}.
 */
package io.faceswap.media;
