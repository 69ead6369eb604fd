package io.cluman.server.jointokens;

import io.cluman.client.tls.CaPin;
import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.api.JoinTokenView;
import io.cluman.server.api.ApiError;
import io.cluman.server.nodes.Ids;
import io.cluman.server.security.TokenDigest;
import io.cluman.server.security.TokenSecret;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JoinToken;
import io.cluman.store.repo.JsonRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Join tokens: make (value {@code CLJ1-<CA pin>-<secret>} returned once, only its SHA-256 kept), list,
 * revoke, and consume when a node joins. Consuming counts a use with compare-and-swap, so a token with
 * {@code n} uses admits at most {@code n} joins however many servers and threads race. Thread-safe.
 */
public final class JoinTokens {
    /** The {@link Ids} kind of join tokens: {@code k-...}. */
    static final char ID_KIND = 'k';

    private final JsonRepository<JoinToken> tokens;
    private final String caPin;
    private final Ids ids;
    private final InstantSource clock;
    private final RandomGenerator random;

    /** @param caPin the cluster CA's pin ({@code ClusterCa.pin()}), written into every value */
    public JoinTokens(JsonRepository<JoinToken> tokens, String caPin, Ids ids, InstantSource clock,
                      RandomGenerator random) {
        this.tokens = tokens;
        this.caPin = caPin;
        this.ids = ids;
        this.clock = clock;
        this.random = random;
    }

    public JoinTokenCreated create(JoinTokenRequest request) {
        JoinTokenRequestCheck.Checked checked = JoinTokenRequestCheck.validate(request);
        Instant now = clock.instant();
        Instant expires = checked.ttl().map(now::plus).orElse(null);
        String value = TokenSecret.generate(random, CaPin.JOIN_TOKEN_PREFIX + caPin + "-");
        JoinToken token = new JoinToken(ids.next(ID_KIND), checked.description(), now, expires, checked.uses(), 0,
                false, TokenDigest.sha256(value));
        tokens.create(token.id(), token);
        return new JoinTokenCreated(token.id(), token.description(), now, expires, token.maxUses(), value);
    }

    /** Every join token, oldest first; never a value or hash. */
    public List<JoinTokenView> list() {
        Instant now = clock.instant();
        return tokens.list().stream().sorted(Comparator.comparing(JoinToken::createdAt).thenComparing(JoinToken::id))
                .map(t -> new JoinTokenView(t.id(), t.description(), t.createdAt(), t.expiresAt(), t.maxUses(),
                        t.uses(), state(t, now))).toList();
    }

    /** Revokes a token: joins with it are refused from now on. Revoking twice is fine. */
    public void revoke(String id) {
        try {
            tokens.update(id, t -> t.revoked() ? t : t.asRevoked());
        } catch (StoreException.NotFound e) {
            throw new ApiError.NotFound("join token", id);
        }
    }

    /**
     * Counts one use of the token whose value is {@code presented} and returns it as updated.
     *
     * @throws ApiError.Unauthorized when the value is unknown, or the token is revoked, expired or used up;
     *         the message says which and what to do
     */
    public JoinToken consume(String presented) {
        JoinToken found = known(presented);
        try {
            return tokens.update(found.id(), current -> {
                refuseUnusable(current, clock.instant());
                return current.withOneMoreUse();
            });
        } catch (StoreException.NotFound e) {
            throw new ApiError.Unauthorized("join token " + found.id() + " was deleted: ask an admin for a new one"
                    + " (cluman token join create)");
        }
    }

    /**
     * Checks the token of a join sent again (its first try counted a use, its answer was lost): known, not
     * revoked, not expired; used up is fine, since that use was this join's.
     *
     * @throws ApiError.Unauthorized as {@link #consume} does
     */
    public JoinToken checkRetry(String presented) {
        JoinToken found = known(presented);
        Instant now = clock.instant();
        if (found.revoked() || found.expiredAt(now)) {
            refuseUnusable(found, now);
        }
        return found;
    }

    /** The token {@code presented} names; 401 when this cluster has none such. */
    private JoinToken known(String presented) {
        return find(presented).orElseThrow(() -> new ApiError.Unauthorized(
                "the join token is not known to this cluster (mistyped, or made for another cluster):"
                        + " ask an admin for one (cluman token join create)"));
    }

    /** The token whose digest matches, compared in constant time against every stored one. */
    private Optional<JoinToken> find(String presented) {
        if (presented == null || !presented.startsWith(CaPin.JOIN_TOKEN_PREFIX)) {
            return Optional.empty();
        }
        byte[] digest = TokenDigest.sha256(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        JoinToken match = null;
        for (JoinToken t : tokens.list()) {
            if (MessageDigest.isEqual(digest, t.sha256().getBytes(StandardCharsets.US_ASCII))) {
                match = t;
            }
        }
        return Optional.ofNullable(match);
    }

    private static void refuseUnusable(JoinToken t, Instant now) {
        String again = ": ask an admin for a new one (cluman token join create)";
        if (t.revoked()) {
            throw new ApiError.Unauthorized("join token " + t.id() + " was revoked" + again);
        }
        if (t.expiredAt(now)) {
            throw new ApiError.Unauthorized("join token " + t.id() + " expired at " + t.expiresAt() + again);
        }
        if (t.usedUp()) {
            throw new ApiError.Unauthorized("join token " + t.id() + " is used up (" + t.uses() + " of "
                    + t.maxUses() + " uses)" + again);
        }
    }

    private static String state(JoinToken t, Instant now) {
        if (t.revoked()) {
            return "revoked";
        }
        if (t.expiredAt(now)) {
            return "expired";
        }
        return t.usedUp() ? "used-up" : "active";
    }
}
