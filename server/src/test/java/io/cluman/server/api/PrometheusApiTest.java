package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.TokenRequest;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.node.NodeState;
import io.cluman.server.FakeAgents;
import io.cluman.server.Heartbeats;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a real server with hand-driven agents: the scrape is parsed and its fleet gauges
 * compared with what the nodes, services and containers are; the server's own families are present.
 */
class PrometheusApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    ClumanClient agent;
    Heartbeats beats;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        agent = server.agent();
        beats = new Heartbeats(agent);
    }

    @AfterEach
    void stop() {
        beats.close();
        server.close();
    }

    private PrometheusText scrape() {
        HttpResponse<String> answer = server.send("GET", "/metrics", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString()
                .startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(answer.body());
    }

    private String node(String name, boolean commission) {
        String id = FakeAgents.join(agent, name, Map.of("zone", "a"));
        if (commission) {
            String job = admin.operate(id, NodeOperation.COMMISSION).id();
            await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        }
        beats.beating().add(id);
        return id;
    }

    private static double nodes(PrometheusText scrape, NodeState state) {
        return scrape.value("cluman_nodes", "state", state.name().toLowerCase(Locale.ROOT)).orElseThrow();
    }

    @Test
    void nodesAreCountedByStateWithEachNodesUseUntilTheNodeIsRemoved() {
        String a = node("a", true);
        String b = node("b", true);
        String c = node("c", false);
        // a join counts as a beat with empty metrics: wait for the first real heartbeat of each node
        await().atMost(WAIT).until(() -> scrape().samples("cluman_node_cpu_percent").stream()
                .filter(s -> s.value() == 12.5).count() == 3);

        PrometheusText scrape = scrape();
        assertThat(nodes(scrape, NodeState.ACTIVE)).isEqualTo(2);
        assertThat(nodes(scrape, NodeState.DISCOVERED)).isEqualTo(1);
        assertThat(nodes(scrape, NodeState.DECOMMISSIONED)).isZero();
        assertThat(scrape.samples("cluman_nodes")).hasSize(NodeState.values().length);
        assertThat(scrape.value("cluman_nodes_on")).contains(3.0);
        assertThat(scrape.value("cluman_nodes_healthy")).contains(3.0);
        // FakeAgents' heartbeats report 12.5 % CPU and 1 GiB of memory used
        for (String id : List.of(a, b, c)) {
            String name = admin.node(id).name();
            assertThat(scrape.value("cluman_node_cpu_percent", "node", id, "name", name)).contains(12.5);
            assertThat(scrape.value("cluman_node_memory_used_bytes", "node", id, "name", name))
                    .contains((double) (1L << 30));
        }

        beats.beating().remove(c);
        String job = admin.operate(c, NodeOperation.DECOMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        admin.deleteNode(c);
        await().atMost(WAIT).until(() -> scrape().samples("cluman_node_cpu_percent").size() == 2);
        PrometheusText after = scrape();
        assertThat(after.samples("cluman_node_memory_used_bytes")).extracting(s -> s.labels().get("node"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(nodes(after, NodeState.DISCOVERED) + nodes(after, NodeState.DECOMMISSIONED)).isZero();
        assertThat(after.value("cluman_nodes_on")).contains(2.0);
    }

    @Test
    void servicesShowDesiredAndRunningReplicasAndContainersTheirStatus() {
        node("a", true);
        node("b", true);
        admin.createService(ServiceApiTest.sleepers("web", 2));
        await().atMost(WAIT).until(() -> admin.containers(Map.of("service", "web")).size() == 2);

        PrometheusText placed = scrape();
        assertThat(placed.value("cluman_service_replicas_desired", "service", "web")).contains(2.0);
        assertThat(placed.value("cluman_service_replicas_running", "service", "web")).contains(0.0);
        assertThat(placed.value("cluman_containers", "status", "pending")).contains(2.0);

        ContainerView first = admin.containers(Map.of("service", "web")).getFirst();
        FakeAgents.report(agent, first.node(), first.allocId(), TaskState.RUNNING, null);
        await().atMost(WAIT).until(() -> scrape().value("cluman_service_replicas_running", "service", "web")
                .orElseThrow() == 1);
        PrometheusText running = scrape();
        assertThat(running.value("cluman_containers", "status", "running")).contains(1.0);
        assertThat(running.value("cluman_containers", "status", "pending")).contains(1.0);

        admin.deleteService("web");
        await().atMost(WAIT).until(() -> scrape().samples("cluman_service_replicas_desired").isEmpty());
    }

    @Test
    void theServersOwnHealthIsThereHeartbeatsJvmAndStore() {
        node("a", false);
        await().atMost(WAIT).until(() -> scrape().value("cluman_heartbeat_handling_seconds_count").orElse(0.0) >= 2);

        PrometheusText scrape = scrape();
        assertThat(scrape.types()).containsEntry("cluman_heartbeat_handling_seconds", "histogram")
                .containsEntry("cluman_store_operation_seconds", "histogram")
                .containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_memory_allocated_bytes_total",
                        "system_cpu_count", "process_uptime_seconds");
        assertThat(scrape.samples("cluman_heartbeat_handling_seconds_bucket")).isNotEmpty();
        assertThat(scrape.value("cluman_store_operation_seconds_count", "op", "txn").orElseThrow()).isPositive();
        assertThat(scrape.value("cluman_store_operation_seconds_count", "op", "range").orElseThrow()).isPositive();
    }

    @Test
    void aViewerTokenScrapesAndNoTokenIs401Problem() {
        HttpResponse<String> anonymous = server.send("GET", "/metrics", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");

        String viewer = admin.createToken(new TokenRequest("prometheus", "viewer", null)).token();
        await().atMost(WAIT).until(() -> server.send("GET", "/metrics", null, viewer).statusCode() == 200);
    }
}
