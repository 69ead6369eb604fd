package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.client.tls.Csr;
import io.cluman.client.tls.EcKeys;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.api.JoinTokenCreated;
import io.cluman.model.api.JoinTokenRequest;
import io.cluman.model.api.NodeView;
import io.cluman.model.event.Event;
import io.cluman.server.AtOnce;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A join sent again with the same key, because the agent never got the first answer (a time-out under load),
 * is the same node: no second node that never heartbeats and goes off, no second use of a one-use token.
 */
class JoinRetryApiTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JoinRequest joinWith(KeyPair keys, String name) {
        return new JoinRequest(null, name, Map.of(), FakeAgents.facts(name), Csr.pem(Csr.create(keys, "new-node")));
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    private List<NodeView> nodesNamed(String name) {
        return admin.nodes(Map.of()).stream().filter(n -> n.name().equals(name)).toList();
    }

    @Test
    void theSameKeyJoiningTwiceIsOneNode() {
        KeyPair keys = EcKeys.generate(RANDOM);

        String first = agent.join(joinWith(keys, "retry")).nodeId();
        String again = agent.join(joinWith(keys, "retry")).nodeId();

        assertThat(again).isEqualTo(first);
        assertThat(nodesNamed("retry")).singleElement().extracting(NodeView::id).isEqualTo(first);
        assertThat(admin.events(Map.of("topic", "node")).stream().map(Event::message)
                .filter(m -> m.startsWith("node retry joined"))).hasSize(1);
        assertThat(agent.join(joinWith(EcKeys.generate(RANDOM), "retry")).nodeId())
                .as("another key is another agent").isNotEqualTo(first);
    }

    @Test
    void aOneUseTokenAdmitsTheSameJoinAgainButNoOtherAgent() {
        JoinTokenCreated token = admin.createJoinToken(new JoinTokenRequest("1h", 1, "one node"));
        ClumanClient holder = ClumanClient.connect(server.wiring().url(), token.token());
        KeyPair keys = EcKeys.generate(RANDOM);

        String first = holder.join(joinWith(keys, "once")).nodeId();
        String again = holder.join(joinWith(keys, "once")).nodeId();

        assertThat(again).isEqualTo(first);
        assertThat(admin.joinTokens()).singleElement().satisfies(t -> assertThat(t.uses()).isEqualTo(1));
        assertThat(status(() -> holder.join(joinWith(EcKeys.generate(RANDOM), "other")))).as("used up")
                .isEqualTo(401);

        admin.revokeJoinToken(token.id());
        assertThat(status(() -> holder.join(joinWith(keys, "once")))).as("a revoked token admits no retry")
                .isEqualTo(401);
    }

    @Test
    void joinsWithOneKeyAtOnceEndAsOneNode() throws Exception {
        KeyPair keys = EcKeys.generate(RANDOM);
        Set<String> ids = Set.copyOf(AtOnce.call(8, () -> agent.join(joinWith(keys, "racer")).nodeId()));

        assertThat(ids).hasSize(1);
        assertThat(nodesNamed("racer")).hasSize(1);
    }
}
