package io.cluman.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.cli.FakeServer;
import io.cluman.cli.Run;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cluman metrics node|container} against a {@link FakeServer}: the query it sends and the plot it prints. */
class MetricsCommandsTest {
    private static final String HISTORY = """
            {"node":"n-1","from":"2026-11-22T05:00:00Z","to":"2026-11-22T06:00:00Z","step":"PT20M",
             "series":{"cpu":[{"time":"2026-11-22T05:00:00Z","min":1,"avg":2,"max":3},
                              {"time":"2026-11-22T05:20:00Z","min":10,"avg":50,"max":90},
                              {"time":"2026-11-22T05:40:00Z","min":5,"avg":98,"max":100}]}}""";
    private static final String CONTAINER = """
            {"container":"web","from":"2026-11-22T05:00:00Z","to":"2026-11-22T06:00:00Z","step":"PT30M",
             "series":{"memory":[{"time":"2026-11-22T05:00:00Z","min":1000,"avg":2000,"max":3000},
                                 {"time":"2026-11-22T05:30:00Z","min":20000,"avg":40000,"max":60000}]}}""";

    private FakeServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsAPlotPerSeriesWithMinAvgMax() {
        server.on("GET /v1/metrics/nodes/n-1?from=1h&step=20m", 200, HISTORY);
        Run run = server.run("metrics", "node", "n-1", "--from", "1h", "--step", "20m");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(server.requests.get(0).uri()).contains("from=1h").contains("step=20m");
        assertThat(run.out()).contains("node n-1, 2026-11-22T05:00:00Z to 2026-11-22T06:00:00Z, step PT20M")
                .containsPattern("cpu +▁▅█  min 1\\.0  avg 50\\.0  max 100");
    }

    @Test
    void jsonIsTheServersView() {
        server.on("GET /v1/metrics/nodes/n-1", 200, HISTORY);
        Run run = server.run("metrics", "node", "n-1", "-o", "json");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"series\"").contains("\"avg\" : 98.0");
    }

    @Test
    void containerPrintsItsPlotsFromTheContainerRoute() {
        server.on("GET /v1/metrics/containers/web?from=1h&to=5m&step=30m", 200, CONTAINER);
        Run run = server.run("metrics", "container", "web", "--from", "1h", "--to", "5m", "--step", "30m");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("container web, 2026-11-22T05:00:00Z to 2026-11-22T06:00:00Z, step PT30M")
                .containsPattern("memory +▁█  min 1000  avg 21\\.0K  max 60\\.0K");
    }

    @Test
    void containerWithoutPointsSaysSo() {
        server.on("GET /v1/metrics/containers/web", 200, """
                {"container":"web","from":"2026-11-22T05:00:00Z","to":"2026-11-22T06:00:00Z","step":"PT30S",
                 "series":{}}""");
        Run run = server.run("metrics", "container", "web");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("container web").contains("no points in this range");
    }

    @Test
    void helpNamesTheIdOfEachSubject() {
        assertThat(server.run("metrics", "container", "--help").out())
                .contains("The container's id (cluman container ls)").contains("--step");
        assertThat(server.run("metrics", "node", "--help").out()).contains("The node's id (cluman node ls)");
    }
}
