package io.cluman.server.tokens;

import io.cluman.model.api.TokenRequest;
import io.cluman.model.validation.Durations;
import io.cluman.model.validation.Validator;
import io.cluman.server.security.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@code POST /v1/tokens}, every field at once. Pure. */
final class TokenRequestCheck {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?");

    private TokenRequestCheck() {
    }

    /** What a valid request asks for. */
    record Checked(String name, Role role, Optional<Duration> ttl) {
    }

    /** @throws io.cluman.model.validation.ValidationException naming every field at fault */
    static Checked validate(TokenRequest request) {
        Validator v = new Validator();
        String name = request.name();
        if (name == null || name.isBlank()) {
            v.add("name", "is required: e.g. 'ci' (lower-case letters, digits, '-' and '.')");
        } else if (!NAME.matcher(name).matches()) {
            v.add("name", "'" + name + "' is not a token name: use 1-63 lower-case letters, digits, '-' and '.',"
                    + " starting and ending with a letter or digit");
        }
        Optional<Role> role = request.role() == null ? Optional.empty() : Role.parse(request.role());
        if (role.isEmpty() || role.get() == Role.AGENT) {
            v.add("role", (request.role() == null ? "is required" : "'" + request.role() + "' is not a role")
                    + ": use admin, operator or viewer");
        }
        Optional<Duration> ttl = Optional.empty();
        if (request.ttl() != null) {
            try {
                ttl = Optional.of(Durations.parse(request.ttl()));
                v.check(ttl.get().compareTo(Duration.ZERO) > 0, "ttl", "must be more than 0, e.g. 24h");
            } catch (IllegalArgumentException e) {
                v.add("ttl", "'" + request.ttl() + "' is not a duration: use e.g. 30m, 24h, 7d");
            }
        }
        v.throwIfInvalid();
        return new Checked(name, role.orElseThrow(), ttl);
    }
}
