package io.faceswap.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Downloads a URL to a file, refusing what a server-side fetcher must not do: schemes other than http(s),
 * credentials in the URL, addresses that are private, local, reserved or cloud metadata (checked after resolving
 * the name, at every redirect hop), too many redirects, too many bytes (counted while streaming), too much time.
 * <p>
 * DNS rebinding: every address the name resolves to is checked just before connecting, and the JVM's address cache
 * (30 s for successful lookups by default) then serves the connection from the same answer. A resolver that changes
 * its answer within that window is not defended against beyond that.
 */
public final class SafeMediaFetcher {
    private final HostResolver resolver;

    public SafeMediaFetcher(HostResolver resolver) {
        this.resolver = resolver;
    }

    public record Result(long bytes, URI finalUri, String contentType) {
    }

    public Result fetch(URI uri, Path target, FetchPolicy policy) {
        long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
        URI current = uri;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            validate(current, policy);
            HttpURLConnection connection = open(current, policy);
            try {
                int status = status(connection, current);
                if (status >= 300 && status < 400 && connection.getHeaderField("Location") != null) {
                    current = redirect(current, connection.getHeaderField("Location"));
                    continue;
                }
                if (status >= 400) {
                    throw new MediaFetchException(MediaFetchError.HTTP_ERROR,
                            "The server answered HTTP " + status + " for " + describe(current));
                }
                long declared = connection.getContentLengthLong();
                if (declared > policy.maxBytes()) {
                    throw tooLarge(policy);
                }
                long bytes = copy(connection, target, policy, deadline);
                return new Result(bytes, current, connection.getContentType());
            } finally {
                connection.disconnect();
            }
        }
        throw new MediaFetchException(MediaFetchError.TOO_MANY_REDIRECTS,
                "More than " + policy.maxRedirects() + " redirects from " + describe(uri));
    }

    private void validate(URI uri, FetchPolicy policy) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            throw new MediaFetchException(MediaFetchError.INVALID_URL,
                    "Only http and https URLs without credentials can be fetched");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new MediaFetchException(MediaFetchError.UNREACHABLE, "The host " + uri.getHost() + " is unknown");
        }
        for (InetAddress address : addresses) {
            AddressPolicy.check(address, policy.allowPrivateNetworks());
        }
    }

    private static HttpURLConnection open(URI uri, FetchPolicy policy) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(java.net.Proxy.NO_PROXY);
            c.setInstanceFollowRedirects(false); // every hop is validated here
            c.setConnectTimeout((int) policy.connectTimeout().toMillis());
            c.setReadTimeout((int) policy.readTimeout().toMillis());
            c.setRequestProperty("User-Agent", "faceswap-api/1.0");
            c.setRequestProperty("Accept-Encoding", "identity");
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new MediaFetchException(MediaFetchError.INVALID_URL, "The URL cannot be fetched: " + describe(uri));
        }
    }

    private static int status(HttpURLConnection c, URI uri) {
        try {
            return c.getResponseCode();
        } catch (SocketTimeoutException e) {
            throw new MediaFetchException(MediaFetchError.TIMEOUT, "No answer in time from " + describe(uri));
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new MediaFetchException(MediaFetchError.UNREACHABLE, "Cannot connect to " + describe(uri));
        } catch (IOException e) {
            throw new MediaFetchException(MediaFetchError.UNREACHABLE, "The connection to " + describe(uri)
                    + " failed: " + e.getClass().getSimpleName());
        }
    }

    private static URI redirect(URI from, String location) {
        try {
            return from.resolve(new URI(location.trim()));
        } catch (java.net.URISyntaxException e) {
            throw new MediaFetchException(MediaFetchError.INVALID_URL, "A redirect pointed to an invalid URL");
        }
    }

    /** Streams to a temporary file beside the target, stopping as soon as a limit is passed; renames at the end. */
    private static long copy(HttpURLConnection c, Path target, FetchPolicy policy, long deadline) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        long total = 0;
        try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > policy.maxBytes()) {
                    throw tooLarge(policy);
                }
                if (System.nanoTime() > deadline) {
                    throw new MediaFetchException(MediaFetchError.TIMEOUT, "The download took longer than "
                            + policy.totalTimeout().toSeconds() + " s");
                }
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            deleteQuietly(partial);
            throw new MediaFetchException(MediaFetchError.TIMEOUT, "The download stalled");
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new MediaFetchException(MediaFetchError.UNREACHABLE, "The download broke off");
        } catch (MediaFetchException e) {
            deleteQuietly(partial);
            throw e;
        }
        if (total == 0) {
            deleteQuietly(partial);
            throw new MediaFetchException(MediaFetchError.EMPTY_BODY, "The server sent an empty body");
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private static MediaFetchException tooLarge(FetchPolicy policy) {
        return new MediaFetchException(MediaFetchError.TOO_LARGE, "The file is larger than "
                + policy.maxBytes() / (1024 * 1024) + " MB");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the partial file is in the task's directory, which is deleted with the failed task anyway
        }
    }

    /** Scheme, host and path: never the query string or credentials, which may carry tokens. */
    static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
