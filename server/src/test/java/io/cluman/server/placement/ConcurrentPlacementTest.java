package io.cluman.server.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ApiException;
import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.ResourceRequest;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many container creates at once on a small fleet (three fake nodes of 8 GiB, 1 GiB per container: 24 fit):
 * the {@link PlanApplier}'s compare-and-swap lets no node be oversubscribed, and every refusal says why.
 */
class ConcurrentPlacementTest {
    private static final long GIB = 1L << 30;
    private static final int NODES = 3;
    private static final int FIT = NODES * 8;

    @TempDir
    Path dir;
    TestServer server;
    ClumanClient admin;
    List<String> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new TestServer(dir);
        admin = server.admin();
        ClumanClient agent = server.agent();
        for (int i = 0; i < NODES; i++) {
            String id = FakeAgents.join(agent, "n" + i, Map.of());
            String job = admin.operate(id, NodeOperation.COMMISSION).id();
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(job).state().isFinished());
            nodes.add(id);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ContainerRequest gib(String name) {
        return new ContainerRequest(name, DriverName.PROCESS, null, List.of("/bin/sleep", "60"), null, null, null,
                null, null, null, new ResourceRequest(null, "1G"), null, null);
    }

    /** Creates {@code name}; its view, or the refusal's status and detail. */
    private Object create(String name) {
        try {
            return admin.createContainer(gib(name));
        } catch (ApiException e) {
            return e.status() + " " + e.problem().detail();
        }
    }

    @Test
    void concurrentCreatesNeverOversubscribeANodeAndRefusalsSayWhy() throws Exception {
        int requests = FIT + 12;
        List<Future<Object>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < requests; i++) {
                String name = "c" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return create(name);
                }));
            }
            go.countDown();
        }
        List<String> refusals = new ArrayList<>();
        int placed = 0;
        for (Future<Object> a : answers) {
            if (a.get() instanceof ContainerView) {
                placed++;
            } else {
                refusals.add((String) a.get());
            }
        }
        assertThat(allocatedPerNode().values()).allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(8 * GIB));
        assertThat(placed).isLessThanOrEqualTo(FIT).isEqualTo(admin.containers(Map.of()).size());
        assertThat(refusals).hasSize(requests - placed).allSatisfy(r -> assertThat(r).satisfiesAnyOf(
                full -> assertThat(full).startsWith("409").contains("no node can take the container")
                        .contains("3 nodes: 3 out of memory"),
                busy -> assertThat(busy).startsWith("503").contains("try again")));

        for (int i = 0; placed < FIT && i < FIT; i++) {
            assertThat(create("late" + i)).as("capacity left after the burst is placeable")
                    .isInstanceOf(ContainerView.class);
            placed++;
        }
        assertThat(create("one-too-many")).asString().startsWith("409").contains("3 nodes: 3 out of memory");
        assertThat(allocatedPerNode()).hasSize(NODES).allSatisfy((node, bytes) -> assertThat(bytes)
                .isEqualTo(8 * GIB));
    }

    private Map<String, Long> allocatedPerNode() {
        return admin.containers(Map.of()).stream().collect(Collectors.groupingBy(ContainerView::node,
                Collectors.summingLong(c -> c.spec().memory())));
    }
}
