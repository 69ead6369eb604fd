package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.client.ClumanClient;
import io.cluman.model.agent.HeartbeatRequest;
import io.cluman.model.api.MetricPointView;
import io.cluman.model.api.NodeMetricsView;
import io.cluman.model.node.NodeMetrics;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Heartbeats feed a node's metrics history; {@code GET /v1/metrics/nodes/{id}} reads it. The range checks of every
 * metrics route.
 */
class MetricsApiTest {
    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    String node;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        node = FakeAgents.join(server.agent(), "m", Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void beat(double cpu, long rx) {
        NodeMetrics m = new NodeMetrics(Instant.now(), cpu, 2L << 30, 8L << 30, 40L << 30, 100L << 30, 0.5, 0.4,
                0.3, rx, 0);
        FakeAgents.as(node).heartbeat(new HeartbeatRequest(node, FakeAgents.facts("m"), m, Map.of()));
    }

    @Test
    void heartbeatsBecomeHistoryWithMinAvgMaxPerStep() throws InterruptedException {
        beat(10, 0);
        Thread.sleep(1100);
        beat(30, 2000);
        Thread.sleep(1100);
        beat(20, 4000);

        NodeMetricsView view = admin.nodeMetrics(node, Map.of("from", "1h", "step", "1h"));
        assertThat(view.node()).isEqualTo(node);
        List<MetricPointView> cpu = view.series().get("cpu");
        assertThat(cpu).singleElement().satisfies(p -> {
            assertThat(p.min()).isEqualTo(10);
            assertThat(p.max()).isEqualTo(30);
            assertThat(p.avg()).isEqualTo(20);
        });
        assertThat(view.series().get("memory")).singleElement().satisfies(p -> assertThat(p.avg())
                .isEqualTo(2L << 30));
        assertThat(view.series()).containsKeys("disk-free", "load1", "net-rx", "net-tx");
        assertThat(view.series().get("net-rx")).singleElement().satisfies(p -> assertThat(p.max()).isPositive());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "?from=2h&to=3h|400|from",
        "?from=40d|400|from",
        "?from=yesterday|400|from",
        "?to=tomorrow|400|to",
        "?step=abc|400|step",
        "?step=0s|400|step",
        "?from=30d&step=1s|400|step"})
    void badRangesAreProblemsNamingTheField(String query, int status, String field) {
        // the range is checked before the subject is looked up, the same way on every metrics route
        for (String path : List.of("/v1/metrics/nodes/" + node, "/v1/metrics/containers/web")) {
            HttpResponse<String> answer = server.send("GET", path + query, null);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.body()).contains("\"field\":\"" + field + "\"");
        }
    }

    @Test
    void anUnknownNodeIs404() {
        assertThat(server.send("GET", "/v1/metrics/nodes/n-aaaaaaaaaa", null).statusCode()).isEqualTo(404);
    }
}
