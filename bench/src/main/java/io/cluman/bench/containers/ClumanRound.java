package io.cluman.bench.containers;

import io.cluman.client.ClumanClient;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Cluman's side: {@code POST /v1/containers} for each container on the node, one after the other as the CLI
 * would, then waits (polling the list every 10 ms) until the API shows every one RUNNING.
 */
final class ClumanRound {
    private static final Duration POLL = Duration.ofMillis(10);

    private final ClumanClient admin;
    private final String node;
    private final String image;

    ClumanRound(ClumanClient admin, String node, String image) {
        this.admin = admin;
        this.node = node;
        this.image = image;
    }

    RoundResult run(int count, String prefix) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            admin.createContainer(new ContainerRequest(prefix + i, DriverName.DOCKER, image, null,
                    List.of("sleep", "3600"), node, null, null, null, null, null, "no", null));
        }
        while (running(prefix) < count) {
            Thread.sleep(POLL);
        }
        return new RoundResult("cluman", count, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Removes the round's containers through the API. */
    void remove(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            admin.deleteContainer(prefix + i);
        }
    }

    private long running(String prefix) {
        List<ContainerView> all = admin.containers(Map.of("node", node));
        return all.stream().filter(c -> c.name().startsWith(prefix) && c.status() == TaskState.RUNNING).count();
    }
}
