package io.faceswap.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an {@code X-Request-Id}: the client's when it is a plausible id (1 to 64 of letters, digits
 * and {@code . _ : -}; anything else could forge or flood log lines), else a new UUID. It is echoed in the response
 * and is in the log's MDC while the request runs; a task created by the request keeps it for its job's log lines.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = valid(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        LogContext.request(id);
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.clear(); // the thread serves other requests next
        }
    }

    static String valid(String presented) {
        return presented != null && VALID.matcher(presented).matches()
                ? presented
                : UUID.randomUUID().toString();
    }
}
