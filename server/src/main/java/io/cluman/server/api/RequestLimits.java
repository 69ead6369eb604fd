package io.cluman.server.api;

import io.javalin.http.Context;
import java.time.InstantSource;

/**
 * The API's rate limits per remote address (the TCP peer, never a forwarded header a client could
 * forge): join attempts, and failed authentications. A request over a budget is refused with 429 and
 * {@code Retry-After}; a valid token is never limited.
 */
final class RequestLimits {
    private final RateLimiter joins;
    private final RateLimiter authFailures;

    RequestLimits(ApiOptions options, InstantSource clock) {
        this.joins = new RateLimiter(options.joinRate(), clock);
        this.authFailures = new RateLimiter(options.authFailureRate(), clock);
    }

    /** Counts a join attempt of the caller's address, whatever its outcome; 429 past the budget. */
    void countJoin(Context ctx) {
        RateLimiter.Decision d = joins.acquire(ctx.req().getRemoteAddr());
        if (!d.allowed()) {
            throw new ApiError.TooManyRequests("too many join attempts from " + ctx.req().getRemoteAddr()
                    + " (the server's --join-rate)", d.retryAfterSeconds());
        }
    }

    /**
     * Counts a refused token of the caller's address: {@code refusal} itself (401) while the budget
     * lasts, 429 after.
     */
    ApiError authFailed(Context ctx, ApiError refusal) {
        RateLimiter.Decision d = authFailures.acquire(ctx.req().getRemoteAddr());
        if (d.allowed()) {
            return refusal;
        }
        return new ApiError.TooManyRequests("too many requests with a wrong, unknown or expired token from "
                + ctx.req().getRemoteAddr() + "; check the token (cluman token ls)", d.retryAfterSeconds());
    }
}
