package io.cluman.server.api;

import io.cluman.server.security.Caller;
import io.cluman.server.security.Role;
import java.time.Instant;
import java.util.Optional;

/** Whether a caller may call a route of a given {@link Access}: 401 and 403 refusals with their reasons. Pure. */
final class AccessCheck {
    private AccessCheck() {
    }

    /**
     * Refuses {@code caller} for a route of {@code access} at {@code now}.
     *
     * @throws ApiError.Unauthorized when there is no such token or it expired
     * @throws ApiError.Forbidden when its role does not rank high enough
     */
    static void require(Optional<Caller> caller, Access access, Instant now) {
        if (caller.isEmpty()) {
            throw new ApiError.Unauthorized("the token is not known to this server (never issued, or revoked)");
        }
        Caller c = caller.get();
        if (c.expiresAt() != null && !now.isBefore(c.expiresAt())) {
            throw new ApiError.Unauthorized("token '" + c.name() + "' expired at " + c.expiresAt()
                    + "; ask an admin for a new one (cluman token create)");
        }
        Role needed = access.needs();
        if (c.role() == Role.AGENT) {
            if (needed != Role.AGENT) {
                throw new ApiError.Forbidden("the join token only serves the agent protocol; use an API token");
            }
            return;
        }
        if (needed == Role.AGENT) {
            if (c.role() != Role.ADMIN) {
                throw new ApiError.Forbidden("the agent protocol needs the join token or role admin; token '"
                        + c.name() + "' has role " + c.role().wireName());
            }
            return;
        }
        if (!c.role().atLeast(needed)) {
            throw new ApiError.Forbidden("this needs role " + needed.wireName() + " or higher; token '" + c.name()
                    + "' has role " + c.role().wireName());
        }
    }
}
