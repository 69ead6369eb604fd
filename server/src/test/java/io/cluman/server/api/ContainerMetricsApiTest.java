package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.TaskSample;
import io.cluman.model.api.ContainerMetricsView;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents' {@code POST /v1/agent/stats} feed a container's history; {@code GET /v1/metrics/containers/{id}} reads it.
 */
class ContainerMetricsApiTest {
    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    String nodeA;
    String nodeB;
    String alloc;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        nodeA = activeNode("a");
        nodeB = activeNode("b");
        alloc = admin.createContainer(ContainerApiTest.sleeper("web", nodeA, "64M", List.of())).allocId();
        // the server maps allocations through the same feed as the assignments
        await().atMost(Duration.ofSeconds(10)).until(() -> !FakeAgents.as(nodeA).assignments(nodeA, 0, Duration.ZERO)
                .assignments().isEmpty());
        FakeAgents.report(server.agent(), nodeA, alloc, TaskState.RUNNING, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String activeNode(String name) {
        String id = FakeAgents.join(server.agent(), name, Map.of());
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    /** Sends one sample of {@code allocId} as {@code node}, in a later second than any before. */
    private void sample(String node, String allocId, Instant time, double cpu, long rx) {
        long second = Instant.now().getEpochSecond();
        await().pollInterval(Duration.ofMillis(50)).until(() -> Instant.now().getEpochSecond() > second);
        FakeAgents.as(node).reportStats(new StatsReport(node, List.of(
                new TaskSample(allocId, time, cpu, 32L << 20, 64L << 20, rx, 0))));
    }

    @Test
    void samplesBecomeTheContainersHistory() {
        Instant t = Instant.now();
        sample(nodeA, alloc, t, 10, 0);
        sample(nodeA, alloc, t.plusSeconds(10), 30, 10_000);
        sample(nodeA, alloc, t.plusSeconds(20), 20, 30_000);

        ContainerMetricsView view = admin.containerMetrics("web", Map.of("from", "1h", "step", "1h"));
        assertThat(view.container()).isEqualTo("web");
        assertThat(view.series()).containsOnlyKeys("cpu", "memory", "memory-limit", "net-rx", "net-tx");
        assertThat(view.series().get("cpu")).singleElement().satisfies(p -> {
            assertThat(p.min()).isEqualTo(10);
            assertThat(p.avg()).isEqualTo(20);
            assertThat(p.max()).isEqualTo(30);
        });
        assertThat(view.series().get("memory-limit")).singleElement().satisfies(p -> assertThat(p.avg())
                .isEqualTo(64L << 20));
        // rates from counters 10 s apart: 1,000 and 2,000 bytes/s
        assertThat(view.series().get("net-rx")).singleElement().satisfies(p -> {
            assertThat(p.min()).isEqualTo(1000);
            assertThat(p.max()).isEqualTo(2000);
        });
    }

    @Test
    void samplesOfUnknownAllocationsAreIgnored() {
        sample(nodeA, "a-nosuchalloc", Instant.now(), 50, 0);
        assertThat(admin.containerMetrics("web", Map.of()).series()).isEmpty();
    }

    @Test
    void anotherNodesAllocationIsIgnored() {
        sample(nodeB, alloc, Instant.now(), 50, 0);
        assertThat(admin.containerMetrics("web", Map.of()).series()).isEmpty();
    }

    @Test
    void aNodeSpeaksOnlyForItself() {
        assertThatThrownBy(() -> FakeAgents.as(nodeB).reportStats(new StatsReport(nodeA, List.of(
                new TaskSample(alloc, Instant.now(), 1, 1, 0, -1, -1)))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aSampleWithoutAllocationIsA400NamingTheField() {
        HttpResponse<String> answer = FakeAgents.send(nodeA, "POST", "/v1/agent/stats",
                "{\"nodeId\":\"" + nodeA + "\",\"samples\":[{\"time\":\"2026-11-22T06:00:00Z\",\"cpuPercent\":1}]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"samples[0].allocId\"");
    }

    @Test
    void aBadRangeIsAProblemNamingTheField() {
        // every case of the range checks: MetricsApiTest
        HttpResponse<String> answer = server.send("GET", "/v1/metrics/containers/web?step=abc", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"step\"");
    }

    @Test
    void anUnknownContainerIs404() {
        HttpResponse<String> answer = server.send("GET", "/v1/metrics/containers/nosuch", null);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("nosuch");
    }
}
