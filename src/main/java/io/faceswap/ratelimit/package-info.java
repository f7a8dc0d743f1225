/**
 * Per-key rate limits of the customer API: one Resilience4j limiter per key and kind (reads, creates), answering
 * with {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every sk call and 429
 * ({@code RATE_LIMITED}, 42901) with {@code Retry-After} beyond the limit. Defaults come from MicroProfile Config;
 * an admin can override them per user ({@code rate_limit_override}, read through a short cache).
 * <p>
 * Limits are kept in each node's memory: with N nodes behind a balancer a key can get up to N times its limit.
 * <p>
 * Calls without a key (abuse reports) are limited per client address by {@link io.faceswap.ratelimit.AddressLimiters},
 * in the same way.
 * <p>
 * Depends on {@code api}, {@code auth} (the caller the key filter found) and {@code billing} (user ids); only
 * {@code trust} depends on it (for the report limit).
 */
package io.faceswap.ratelimit;
