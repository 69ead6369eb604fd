package io.cluman.server.api;

import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.agent.HeartbeatResponse;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.agent.JoinResponse;
import io.cluman.server.nodes.HeartbeatReceiver;
import io.cluman.server.nodes.NodeJoiner;

/** {@code /v1/agent}: what agents call, with the join token. */
final class AgentHandler {
    private final NodeJoiner joiner;
    private final HeartbeatReceiver heartbeats;

    AgentHandler(NodeJoiner joiner, HeartbeatReceiver heartbeats) {
        this.joiner = joiner;
        this.heartbeats = heartbeats;
    }

    void register(Routes routes) {
        routes.post("/v1/agent/join", Access.AGENT, "agent", "An agent joins (again): returns its node id")
                .body(JoinRequest.class).returns(JoinResponse.class).errors(413)
                .handle(ctx -> ctx.json(joiner.join(ApiJson.body(ctx, JoinRequest.class))));
        routes.post("/v1/agent/heartbeat", Access.AGENT, "agent", "An agent is alive: facts, metrics, driver health")
                .body(HeartbeatRequest.class).returns(HeartbeatResponse.class).errors(404, 413)
                .handle(ctx -> ctx.json(heartbeats.receive(ApiJson.body(ctx, HeartbeatRequest.class))));
    }
}
