package io.cluman.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.agent.FakeServer;
import io.cluman.agent.identity.NodeIdFile;
import io.cluman.client.ClumanClient;
import io.cluman.model.node.DriverHealth;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeMetrics;
import io.cluman.model.node.NodeState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatLoopTest {
    private static final String TOKEN = "join-secret";
    private static final LoopTiming FAST = new LoopTiming(Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer(TOKEN);
    private HeartbeatLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.close();
        }
        server.close();
    }

    @Test
    void joinsKeepsTheIdAndHeartbeatsWithTheReport() {
        server.joinInterval(50).heartbeatInterval(50);
        loop = start(server.url(), TOKEN, "");

        assertThat(loop.awaitJoined(GENEROUS)).isTrue();
        assertThat(loop.nodeId()).contains("node-1");
        assertThat(new NodeIdFile(dir).read()).contains("node-1");
        assertThat(server.joins().get(0).name()).isEqualTo("fake-host");
        assertThat(server.joins().get(0).labels()).containsEntry("zone", "a");

        await().atMost(GENEROUS).until(() -> server.beats().size() >= 3);
        assertThat(server.beats()).allSatisfy(beat -> {
            assertThat(beat.request().nodeId()).isEqualTo("node-1");
            assertThat(beat.request().drivers()).containsKey("process");
            assertThat(beat.request().facts().hostname()).isEqualTo("fake-host");
        });
        assertThat(loop.state()).contains(NodeState.ACTIVE);
    }

    @Test
    void retriesTheJoinWithBackoffWhileTheServerAnswers5xx() {
        server.failJoins(503, 3).joinInterval(1000);
        loop = start(server.url(), TOKEN, "node-name");

        assertThat(loop.awaitJoined(GENEROUS)).isTrue();
        assertThat(server.joinAttempts()).isEqualTo(4);
        assertThat(server.joins()).hasSize(1);
    }

    @Test
    void keepsRetryingWhileTheServerIsUnreachableAndClosesPromptly() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        loop = start("http://127.0.0.1:" + port, TOKEN, "");

        assertThat(loop.awaitJoined(Duration.ofMillis(300))).isFalse();
        loop.close();
        assertThat(loop.joined()).isCompletedExceptionally();
        assertThat(loop.nodeId()).isEmpty();
    }

    @Test
    void retriesSlowlyAfterTheTokenIsRejected() {
        loop = start(server.url(), "wrong-token", "");

        await().atMost(GENEROUS).until(() -> server.joinAttempts() >= 3);
        assertThat(loop.joined()).isNotDone();
    }

    @Test
    void joinsOnceTheServerAcceptsTheTokenAgain() {
        server.failJoins(401, 2);
        loop = start(server.url(), TOKEN, "");

        assertThat(loop.awaitJoined(GENEROUS)).isTrue();
        assertThat(server.joinAttempts()).isEqualTo(3);
    }

    @Test
    void rejoinsWithTheSameIdWhenTheServerForgotTheNode() {
        server.joinInterval(50).heartbeatInterval(50).failHeartbeats(404, 1);
        loop = start(server.url(), TOKEN, "");

        await().atMost(GENEROUS).until(() -> server.joins().size() == 2 && server.beats().size() >= 2);
        assertThat(server.joins().get(0).nodeId()).isNull();
        assertThat(server.joins().get(1).nodeId()).isEqualTo("node-1");
        assertThat(loop.nodeId()).contains("node-1");
        assertThat(server.beats()).allMatch(beat -> beat.request().nodeId().equals("node-1"));
    }

    @Test
    void keepsHeartbeatingAtTheIntervalThroughServerErrors() {
        server.joinInterval(50).heartbeatInterval(50).failHeartbeats(500, 2).failHeartbeats(401, 1);
        loop = start(server.url(), TOKEN, "");

        await().atMost(GENEROUS).until(() -> server.beats().size() >= 2);
        assertThat(server.joins()).hasSize(1);
        assertThat(server.heartbeatAttempts()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aReportThatThrowsCountsAsAFailedAttempt() {
        server.joinInterval(50).heartbeatInterval(50);
        FailingOnceReport report = new FailingOnceReport();
        loop = new HeartbeatLoop(ClumanClient.connect(server.url(), TOKEN), new NodeIdFile(dir), "", Map.of(),
                report, InstantSource.system(), FAST);
        loop.start();

        await().atMost(GENEROUS).until(() -> server.beats().size() >= 2);
    }

    @Test
    void startedKeptIdIsSentOnTheFirstJoin() {
        new NodeIdFile(dir).write("node-77");
        loop = start(server.url(), TOKEN, "");

        assertThat(loop.nodeId()).contains("node-77");
        assertThat(loop.awaitJoined(GENEROUS)).isTrue();
        assertThat(server.joins().get(0).nodeId()).isEqualTo("node-77");
    }

    private HeartbeatLoop start(String url, String token, String name) {
        HeartbeatLoop started = new HeartbeatLoop(ClumanClient.connect(url, token), new NodeIdFile(dir), name,
                Map.of("zone", "a"), new FixedReport(), InstantSource.system(), FAST);
        started.start();
        return started;
    }

    /** A report of a made-up host. */
    static class FixedReport implements NodeReport {
        @Override
        public NodeFacts facts() {
            return new NodeFacts("fake-host", List.of("192.0.2.7"), 4, 8L << 30, List.of(), "Linux 6", "dev",
                    List.of("process"));
        }

        @Override
        public NodeMetrics metrics() {
            return NodeMetrics.empty(InstantSource.system().instant());
        }

        @Override
        public Map<String, DriverHealth> drivers() {
            return Map.of("process", new DriverHealth(true, ""));
        }
    }

    /** Its first metrics call fails, as a broken probe would. */
    static final class FailingOnceReport extends FixedReport {
        private volatile boolean failed;

        @Override
        public NodeMetrics metrics() {
            if (!failed) {
                failed = true;
                throw new IllegalStateException("probe broke");
            }
            return super.metrics();
        }
    }
}
