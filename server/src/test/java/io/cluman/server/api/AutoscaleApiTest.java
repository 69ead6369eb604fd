package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.StatsReport;
import io.cluman.model.agent.TaskSample;
import io.cluman.model.api.AutoscaleRequest;
import io.cluman.model.api.AutoscaleView;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.api.ServiceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import io.cluman.model.event.Event;
import io.cluman.model.node.NodeOperation;
import io.cluman.model.validation.FieldError;
import io.cluman.server.FakeAgents;
import io.cluman.server.Heartbeats;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autoscaling through the API, with hand-driven agents that heartbeat, report every replica running and send
 * its CPU use every 300 ms: the count follows the load up to max at once, comes down to min after the scale-down delay,
 * is brought within new bounds at once, and is not set by hand while the service autoscales.
 */
class AutoscaleApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    List<String> nodes;
    ScheduledExecutorService agents;
    Heartbeats beats;
    /** The CPU each replica reports, in % of one core. */
    volatile double load;
    /** The connections each replica reports. */
    volatile long connections;
    final Set<String> reported = new HashSet<>();

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        beats = new Heartbeats(server.agent());
        nodes = List.of("a", "b", "c").stream().map(this::activeNode).toList();
        beats.beating().addAll(nodes);
        agents = Executors.newSingleThreadScheduledExecutor();
        agents.scheduleWithFixedDelay(this::playAgents, 0, 300, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        agents.shutdownNow();
        beats.close();
        server.close();
    }

    private String activeNode(String name) {
        String id = FakeAgents.join(server.agent(), name, Map.of());
        String job = admin.operate(id, NodeOperation.COMMISSION).id();
        await().atMost(WAIT).until(() -> admin.job(job).state().isFinished());
        return id;
    }

    /** Every replica runs and uses {@link #load} % of a core. */
    private void playAgents() {
        try {
            Map<String, List<ContainerView>> byNode = admin.containers(Map.of()).stream()
                    .filter(c -> c.service() != null).collect(Collectors.groupingBy(ContainerView::node));
            byNode.forEach((node, replicas) -> {
                for (ContainerView c : replicas) {
                    if (!reported.contains(c.allocId())) {
                        FakeAgents.report(server.agent(), node, c.allocId(), TaskState.RUNNING, null);
                        reported.add(c.allocId());
                    }
                }
                FakeAgents.as(node).reportStats(new StatsReport(node, replicas.stream()
                        .map(c -> new TaskSample(c.allocId(), Instant.now(), load, 32L << 20, 64L << 20, -1, -1,
                                connections))
                        .toList()));
            });
        } catch (RuntimeException e) {
            // a replica removed meanwhile, or not in its node's assignments yet: the next round reads them again
        }
    }

    private static ServiceRequest service(String name, int replicas) {
        return new ServiceRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "3600"), null, null, null,
                null, new ResourceRequest(0.5, "64M"), null, null, null, replicas, null, null, null, null, null);
    }

    private static AutoscaleRequest cpu(int min, int max, double target, String delay) {
        return new AutoscaleRequest(min, max, "cpu", target, "10s", delay);
    }

    private List<String> messages() {
        return admin.events(Map.of("topic", "bus.cluman.service")).stream().map(Event::message).toList();
    }

    @Test
    void theCountFollowsTheLoadUpToMaxAtOnceAndDownToMinAfterTheDelay() {
        admin.createService(service("web", 1));
        load = 45; // 90 % of the 0.5-core limit, target 50 %
        AutoscaleView set = admin.autoscale("web", cpu(1, 4, 50, "3s"));
        assertThat(set).satisfies(v -> {
            assertThat(v.min()).isEqualTo(1);
            assertThat(v.max()).isEqualTo(4);
            assertThat(v.window()).isEqualTo("10s");
            assertThat(v.scaleDownDelay()).isEqualTo("3s");
        });

        await().atMost(WAIT).until(() -> admin.service("web").desired() == 4);
        assertThat(messages()).anyMatch(m -> m.startsWith("service web autoscaled from 1 to 2 replica(s): cpu 90%"
                + " of target 50%"));
        await().atMost(WAIT).until(() -> admin.autoscaler("web").reason(), r -> r != null && r.contains("held at max 4"));
        AutoscaleView busy = admin.autoscaler("web");
        assertThat(busy.current()).isBetween(85.0, 95.0);
        assertThat(busy.replicas()).isEqualTo(4);
        assertThat(busy.scaledAt()).isNotNull();

        load = 5; // 10 %: one replica carries it
        Instant quiet = Instant.now();
        await().atMost(WAIT).until(() -> admin.service("web").desired() == 1);
        assertThat(Duration.between(quiet, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        // the window averages the busy and the quiet samples at first: it may come down in more than one step
        await().atMost(WAIT).until(() -> messages().stream().anyMatch(m -> m.matches(
                "service web autoscaled from [234] to 1 replica\\(s\\): cpu .*"))); // the event follows the write
        assertThat(messages()).anyMatch(m -> m.startsWith("service web autoscaled from 4 to "));
        assertThat(admin.autoscalers()).extracting(AutoscaleView::service).containsExactly("web");
    }

    @Test
    void newBoundsApplyAtOnceAndMemoryIsAShareOfTheLimit() {
        admin.createService(service("batch", 6));
        admin.autoscale("batch", new AutoscaleRequest(1, 3, "memory", 80.0, null, null));
        await().atMost(WAIT).until(() -> admin.service("batch").desired() == 3);
        assertThat(admin.autoscaler("batch").reason()).isEqualTo("outside 1..3");
        assertThat(admin.autoscaler("batch").window()).isEqualTo("1m");
        assertThat(admin.autoscaler("batch").scaleDownDelay()).isEqualTo("5m");
        admin.autoscale("batch", new AutoscaleRequest(5, 8, "memory", 80.0, "10s", null));
        await().atMost(WAIT).until(() -> admin.service("batch").desired() == 5);
        // each replica uses 32 MiB of its 64 MiB limit: 50 % of an 80 % target, 4 would do, min is 5
        await().atMost(WAIT).until(() -> admin.autoscaler("batch").reason(), r -> r != null
                && r.equals("memory 50% of target 80%: 4 replica(s) would carry it, held at min 5"));
        assertThat(admin.autoscaler("batch").current()).isEqualTo(50.0);
        assertThat(admin.service("batch").desired()).isEqualTo(5);
    }

    @Test
    void requestsFollowTheConnectionsEachReplicaServes() {
        admin.createService(new ServiceRequest("api", DriverName.PROCESS, null, List.of("/bin/sleep", "3600"), null,
                null, List.of("8080"), null, null, null, null, null, 1, null, null, null, null, null));
        connections = 25;
        admin.autoscale("api", new AutoscaleRequest(1, 3, "requests", 10.0, "10s", "0s"));
        await().atMost(WAIT).until(() -> admin.service("api").desired() == 3);
        // the event follows the count's write
        await().atMost(WAIT).until(() -> messages().stream().anyMatch(m -> m.startsWith("service api autoscaled from"
                + " 1 to 3 replica(s): requests 25 connections of target 10 connections")));
        connections = 2;
        await().atMost(WAIT).until(() -> admin.service("api").desired() == 1);
    }

    @Test
    void anAutoscaledCountIsNotSetByHandAndRemovingThePolicyOrTheServiceHandsItBack() {
        admin.createService(service("api", 2));
        load = 25; // on target: nothing moves
        admin.autoscale("api", cpu(1, 5, 50, "1m"));
        assertThatThrownBy(() -> admin.scaleService("api", 3)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.problem().errors()).extracting(FieldError::field).containsExactly("replicas");
            assertThat(e.getMessage()).contains("autoscales between 1 and 5");
        });
        assertThatThrownBy(() -> admin.replaceService("api", service(null, 4)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(admin.service("api").desired()).isEqualTo(2);
        await().atMost(WAIT).until(() -> admin.autoscaler("api").reason(), r -> r != null && r.contains("within"));
        assertThat(admin.service("api").desired()).isEqualTo(2);

        admin.stopAutoscaling("api");
        assertThat(admin.scaleService("api", 3).desired()).isEqualTo(3);
        assertThatThrownBy(() -> admin.autoscaler("api")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));

        admin.autoscale("api", cpu(1, 5, 50, "1m"));
        admin.deleteService("api");
        admin.createService(service("api", 2));
        assertThatThrownBy(() -> admin.autoscaler("api")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(admin.scaleService("api", 4).desired()).isEqualTo(4);
    }
}
