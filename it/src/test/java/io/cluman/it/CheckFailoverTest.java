package io.cluman.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.CheckView;
import io.cluman.server.ServerConfig;
import io.cluman.server.ServerWiring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster check survives the loss of its agent: a real server and two real agents (their own JVMs) run an
 * http check of a server in this test every second; the agent running it is killed with {@code kill -9}; once
 * its node is off (2 s), the check is dispatched to the other agent, which runs it from then on. The target
 * counts its requests: they stop while no agent runs the check and go on after, and the old node never runs it
 * again.
 */
class CheckFailoverTest {
    private static final Duration OFF_AFTER = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    ServerWiring server;
    HttpServer target;
    final List<AgentProcess> agents = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        AgentProcess.cleanUp(agents, Set.of(), dir, "check-failover");
        if (target != null) {
            target.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCheckOfAKilledAgentRunsOnTheOtherOne() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/health", e -> {
            requests.incrementAndGet();
            e.sendResponseHeaders(204, -1);
            e.close();
        });
        target.start();
        server = ServerWiring.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAutoCommission(true)
                .withOffAfter(OFF_AFTER), InstantSource.system());
        ClumanClient admin = ClumanClient.connect(server.url(), server.adminToken());
        for (int i = 0; i < 2; i++) {
            agents.add(AgentProcess.start(server.url(), server.joinToken(), dir.resolve("agent-" + i), "worker-" + i,
                    dir.resolve("agent-" + i + ".log")));
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> admin.nodes(Map.of("state", "ACTIVE")).size() == 2);

        admin.createCheck(new CheckRequest("target", "http", "http://127.0.0.1:" + target.getAddress().getPort()
                + "/health", "1s", "1s", null));
        CheckView passing = await().atMost(Duration.ofSeconds(30)).until(() -> admin.check("target"),
                c -> "passing".equals(c.status()));
        String first = passing.node();
        int victim = passing.nodeName().equals("worker-0") ? 0 : 1;

        agents.get(victim).kill();
        Instant killed = Instant.now();
        CheckView moved = await().atMost(Duration.ofSeconds(30)).until(() -> admin.check("target"),
                c -> c.node() != null && !c.node().equals(first) && "passing".equals(c.status())
                        && c.last().at().isAfter(killed));
        assertThat(moved.nodeName()).isEqualTo("worker-" + (1 - victim));
        int after = requests.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() >= after + 3);
        assertThat(admin.checkDispatch().nodes()).containsOnlyKeys(moved.node());
        assertThat(admin.events(Map.of("topic", "bus.cluman.check")).stream().map(e -> e.message()))
                .contains("check target dispatched to node worker-" + (1 - victim) + " (was on node worker-" + victim
                        + ")");
    }
}
