package io.cluman.server.tokens;

import io.cluman.model.api.TokenCreated;
import io.cluman.model.api.TokenRequest;
import io.cluman.model.api.TokenView;
import io.cluman.server.api.ApiError;
import io.cluman.server.security.TokenDigest;
import io.cluman.server.security.TokenSecret;
import io.cluman.store.StoreException;
import io.cluman.store.repo.ApiToken;
import io.cluman.store.repo.JsonRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What the token endpoints do: make a random secret ({@code clm_} and 32 bytes in base64url), keep only
 * its SHA-256, list without values, revoke. The bootstrap tokens ({@code bootstrap-admin}, {@code join})
 * live in files of the data dir and cannot be revoked here.
 */
public final class TokenOperations {
    private static final Set<String> BUILT_IN = Set.of("bootstrap-admin", "join");

    private final JsonRepository<ApiToken> tokens;
    private final InstantSource clock;
    private final RandomGenerator random;

    public TokenOperations(JsonRepository<ApiToken> tokens, InstantSource clock, RandomGenerator random) {
        this.tokens = tokens;
        this.clock = clock;
        this.random = random;
    }

    public TokenCreated create(TokenRequest request) {
        TokenRequestCheck.Checked checked = TokenRequestCheck.validate(request);
        Instant now = clock.instant();
        Instant expires = checked.ttl().map(now::plus).orElse(null);
        String secret = TokenSecret.generate(random, "clm_");
        ApiToken token = new ApiToken(checked.name(), checked.name(), checked.role().wireName(),
                TokenDigest.sha256(secret), now, expires);
        try {
            tokens.create(checked.name(), token);
        } catch (StoreException.Conflict e) {
            throw new ApiError.Conflict("token '" + checked.name() + "' already exists", "name",
                    "is taken: revoke it first (cluman token rm " + checked.name() + ") or pick another name");
        }
        return new TokenCreated(token.name(), token.role(), now, expires, secret);
    }

    public List<TokenView> list() {
        return tokens.list().stream().sorted(Comparator.comparing(ApiToken::name))
                .map(t -> new TokenView(t.name(), t.role(), t.createdAt(), t.expiresAt())).toList();
    }

    /** Revokes a token: it stops working at once (every server's mirror drops it). */
    public void delete(String name) {
        if (BUILT_IN.contains(name)) {
            throw new ApiError.Conflict("'" + name + "' is a bootstrap token: replace it by deleting its file in the"
                    + " data dir and restarting the server", "name", "is built in");
        }
        if (!tokens.delete(name)) {
            throw new ApiError.NotFound("token", name);
        }
    }
}
