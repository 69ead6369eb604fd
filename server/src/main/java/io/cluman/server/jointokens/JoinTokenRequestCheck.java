package io.cluman.server.jointokens;

import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import java.time.Duration;
import java.util.Optional;

/** The rules of {@code POST /v1/tokens/join}, every field at once. Pure. */
final class JoinTokenRequestCheck {
    /** A join token is for a rollout, not for ever: longer asks for a token that never expires. */
    static final Duration MAX_TTL = Duration.ofDays(365);
    static final int MAX_USES = 1_000_000;
    static final int MAX_DESCRIPTION = 256;

    private JoinTokenRequestCheck() {
    }

    /** What a valid request asks for. */
    record Checked(Optional<Duration> ttl, Integer uses, String description) {
    }

    /** @throws io.cluman.model.validation.ValidationException naming every field at fault */
    static Checked validate(JoinTokenRequest request) {
        Validator v = new Validator();
        Optional<Duration> ttl = Optional.empty();
        if (request.ttl() != null) {
            try {
                ttl = Optional.of(Durations.parse(request.ttl()));
                v.check(ttl.get().compareTo(Duration.ZERO) > 0, "ttl", "must be more than 0, e.g. 1h");
                v.check(ttl.get().compareTo(MAX_TTL) <= 0, "ttl", "'" + request.ttl() + "' is more than 365d:"
                        + " leave ttl out for a token that does not expire, and revoke it when done");
            } catch (IllegalArgumentException e) {
                v.add("ttl", "'" + request.ttl() + "' is not a duration: use e.g. 30m, 1h, 7d");
            }
        }
        Integer uses = request.uses();
        if (uses != null) {
            v.check(uses >= 1, "uses", "must be at least 1; leave it out for unlimited uses");
            v.check(uses <= MAX_USES, "uses", "must be at most " + MAX_USES + "; leave it out for unlimited uses");
        }
        String description = request.description() == null ? "" : request.description().strip();
        v.check(description.length() <= MAX_DESCRIPTION, "description",
                "is longer than " + MAX_DESCRIPTION + " characters: shorten it");
        v.throwIfInvalid();
        return new Checked(ttl, uses, description);
    }
}
