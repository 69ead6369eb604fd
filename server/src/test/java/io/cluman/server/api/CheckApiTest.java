package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.CheckReport;
import io.cluman.model.api.CheckRequest;
import io.cluman.model.api.CheckView;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.check.CheckResult;
import io.cluman.model.event.Event;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.Heartbeats;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster checks through the API with hand-driven agents: dispatched to one node of the check's cluster, handed
 * to that node's agent (and told by its heartbeat's digest), results kept only from that node, dispatched again
 * when the node goes off (3 s without heartbeats), dangling when no node may run it.
 */
class CheckApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    Heartbeats beats;
    Set<String> beating;
    String a;
    String b;

    @BeforeEach
    void start() {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofSeconds(3)));
        admin = server.admin();
        agent = server.agent();
        beats = new Heartbeats(agent);
        beating = beats.beating();
        admin.createCluster(new ClusterRequest("prod", "", null, null));
        a = activeNode("a");
        b = activeNode("b");
    }

    @AfterEach
    void stop() {
        beats.close();
        server.close();
    }

    private String activeNode(String name) {
        String id = FakeAgents.join(agent, name, Map.of());
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        admin.addNode("prod", id);
        beating.add(id);
        return id;
    }

    private static CheckRequest tcp(String name) {
        return new CheckRequest(name, "tcp", "db.internal:5432", "10s", "2s", "prod");
    }

    private List<String> messages() {
        return admin.events(Map.of("topic", "bus.cluman.check")).stream().map(Event::message).toList();
    }

    private void report(String node, String check, boolean passed, String output) {
        FakeAgents.as(node).reportCheckResults(new CheckReport(node, List.of(new CheckResult(check, passed, output,
                12, Instant.now()))));
    }

    @Test
    void aCheckRunsOnOneNodeOfItsClusterWhichAloneIsHeard() {
        CheckView created = admin.createCheck(tcp("db"));
        assertThat(created.status()).isIn("dangling", "pending"); // the dispatcher may have been quicker
        assertThat(created.interval()).isEqualTo("10s");
        CheckView placed = await().atMost(WAIT).until(() -> admin.check("db"), c -> c.node() != null);
        assertThat(placed.status()).isEqualTo("pending");
        String runner = placed.node();
        String other = runner.equals(a) ? b : a;
        // agents are answered from the server's mirror of the checks, which follows the store's watch
        await().atMost(WAIT).until(() -> FakeAgents.as(runner).agentChecks(runner).size() == 1);
        assertThat(FakeAgents.as(runner).agentChecks(runner)).extracting(c -> c.name()).containsExactly("db");
        assertThat(FakeAgents.as(other).agentChecks(other)).isEmpty();
        assertThat(admin.checkDispatch().nodes()).containsExactly(Map.entry(runner, List.of("db")));

        report(other, "db", false, "not mine");
        assertThat(admin.check("db").status()).isEqualTo("pending");
        report(runner, "db", false, "tcp db.internal:5432: Connection refused");
        assertThat(admin.check("db")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("failing");
            assertThat(c.last().output()).isEqualTo("tcp db.internal:5432: Connection refused");
        });
        assertThat(messages()).contains("check db fails on node " + admin.node(runner).name()
                + ": tcp db.internal:5432: Connection refused");
        report(runner, "db", true, "");
        assertThat(admin.check("db").status()).isEqualTo("passing");
        assertThat(messages()).contains("check db passes again (on node " + admin.node(runner).name() + ")");
    }

    @Test
    void theHeartbeatTellsANodeWhenItsChecksChange() {
        long before = heartbeat(a);
        admin.createCheck(tcp("one"));
        admin.createCheck(tcp("two"));
        await().atMost(WAIT).until(() -> admin.checkDispatch().nodes().getOrDefault(a, List.of()).size() == 1);
        // the digest comes from the server's mirror of the checks, which follows the store's watch
        long after = await().atMost(WAIT).until(() -> heartbeat(a), d -> d != before);
        assertThat(heartbeat(a)).isEqualTo(after);
        admin.deleteCheck(admin.checkDispatch().nodes().get(a).getFirst());
        await().atMost(WAIT).until(() -> heartbeat(a) == 0L);
    }


    private long heartbeat(String node) {
        return FakeAgents.beat(agent, node, 50L << 30).checks();
    }

    @Test
    void aCheckOfANodeThatGoesOffRunsOnAnotherAndDanglesWhenNoneIsLeft() {
        admin.createCheck(tcp("db"));
        String first = await().atMost(WAIT).until(() -> admin.check("db").node(), n -> n != null);
        String second = first.equals(a) ? b : a;

        beating.remove(first);
        await().atMost(WAIT).until(() -> second.equals(admin.check("db").node()));
        String moved = "check db dispatched to node " + admin.node(second).name() + " (was on node "
                + admin.node(first).name() + ")";
        await().atMost(WAIT).until(() -> messages().contains(moved)); // the event follows the move
        await().atMost(WAIT).until(() -> FakeAgents.as(first).agentChecks(first).isEmpty());
        report(first, "db", false, "late, from the old node");
        assertThat(admin.check("db").status()).isEqualTo("pending");

        beating.remove(second);
        await().atMost(WAIT).until(() -> admin.check("db").status().equals("dangling"));
        assertThat(admin.checkDispatch().dangling()).containsExactly("db");
        await().atMost(WAIT).until(() -> messages().stream().anyMatch(m -> m.startsWith("check db is dangling (was on"
                + " node ")));

        beating.add(first);
        await().atMost(WAIT).until(() -> first.equals(admin.check("db").node()));
    }

    @Test
    void aNameUsedTwiceIs409AndARemovedCheckIsGone() {
        admin.createCheck(tcp("db"));
        assertThatThrownBy(() -> admin.createCheck(tcp("db"))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        admin.deleteCheck("db");
        assertThat(admin.checks()).isEmpty();
        assertThatThrownBy(() -> admin.check("db")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }
}
