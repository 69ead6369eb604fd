package io.cluman.server.api;

import io.cluman.server.tls.ApiTls;
import java.util.Objects;

/**
 * How the API port defends itself and whether it speaks TLS.
 *
 * @param joinRate        {@code POST /v1/agent/join} attempts per remote address ({@code --join-rate})
 * @param authFailureRate requests with a wrong, unknown or expired bearer token per remote address
 *                        ({@code --auth-failure-rate}); good tokens are never limited
 * @param tls             plain HTTP or HTTPS ({@code --tls-cert}, {@code --tls-key})
 */
public record ApiOptions(RateLimit joinRate, RateLimit authFailureRate, ApiTls tls) {
    public static final ApiOptions DEFAULTS =
            new ApiOptions(RateLimit.JOIN_DEFAULT, RateLimit.AUTH_FAILURE_DEFAULT, ApiTls.PLAIN);

    public ApiOptions {
        Objects.requireNonNull(joinRate, "joinRate");
        Objects.requireNonNull(authFailureRate, "authFailureRate");
        Objects.requireNonNull(tls, "tls");
    }

    public ApiOptions withJoinRate(RateLimit limit) {
        return new ApiOptions(limit, authFailureRate, tls);
    }

    public ApiOptions withAuthFailureRate(RateLimit limit) {
        return new ApiOptions(joinRate, limit, tls);
    }

    public ApiOptions withTls(ApiTls newTls) {
        return new ApiOptions(joinRate, authFailureRate, newTls);
    }
}
