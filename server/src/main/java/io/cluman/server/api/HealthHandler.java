package io.cluman.server.api;

import io.cluman.model.api.HealthStatus;
import io.cluman.server.leader.Leadership;
import io.cluman.store.KvStore;

/** {@code GET /v1/health}: up, version, leader or follower, which store. Needs no token. */
final class HealthHandler {
    private final Leadership leadership;
    private final KvStore store;
    private final String version;

    HealthHandler(Leadership leadership, KvStore store, String version) {
        this.leadership = leadership;
        this.store = store;
        this.version = version;
    }

    void register(Routes routes) {
        routes.get("/v1/health", Access.PUBLIC, "server", "Whether this server is up and leads")
                .returns(HealthStatus.class)
                .handle(ctx -> ctx.json(new HealthStatus("up", version, leadership.isLeader() ? "leader" : "follower",
                        leadership.leaderId(), store.kind())));
    }
}
