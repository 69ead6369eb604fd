package io.cluman.server.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.container.Container;
import io.cluman.model.container.DesiredState;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.store.repo.StoreJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LostContainersTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Map<String, Node> NODES = Map.of("up", node("up", true, 600), "blink", node("blink", false, 5),
            "dead", node("dead", false, 60));

    private static Node node(String id, boolean on, int lastSeenSecondsAgo) {
        return new Node(id, id, Map.of(), NodeState.ACTIVE, on, true, "", null, null, null, Instant.EPOCH,
                NOW.minusSeconds(lastSeenSecondsAgo), 1);
    }

    private static Container container(String name, String node, String cluster, String service, boolean movable,
                                       DesiredState desired) {
        return new Container(name, null, node, cluster, service, "a-" + name, 1, desired, Instant.EPOCH, 1, movable, null);
    }

    private static Container movable(String name, String node) {
        return container(name, node, null, null, true, DesiredState.RUNNING);
    }

    private static List<String> moved(List<Container> containers) {
        return LostContainers.decide(containers, NODES, NOW, GRACE, g -> Optional.empty()).move().stream()
                .map(Container::name).toList();
    }

    @Test
    void movesAMovableContainerWhoseNodeIsOffPastTheGraceOrGone() {
        assertThat(moved(List.of(movable("b", "dead"), movable("a", "gone")))).containsExactly("a", "b");
    }

    @Test
    void keepsContainersOnNodesThatAreOnOrOffForLessThanTheGrace() {
        assertThat(moved(List.of(movable("a", "up"), movable("b", "blink")))).isEmpty();
    }

    @Test
    void neverMovesPinnedContainersReplicasOrStoppedOnes() {
        assertThat(moved(List.of(container("pinned", "dead", null, null, false, DesiredState.RUNNING),
                container("replica", "dead", null, "web", true, DesiredState.RUNNING),
                container("stopped", "dead", null, null, true, DesiredState.STOPPED)))).isEmpty();
    }

    @Test
    void aStormHoldsOnlyItsOwnGroup() {
        LostContainers.Decision d = LostContainers.decide(List.of(
                container("in-prod", "dead", "prod", null, true, DesiredState.RUNNING), movable("anywhere", "dead")),
                NODES, NOW, GRACE, g -> g.equals("prod") ? Optional.of("storm") : Optional.empty());
        assertThat(d.move()).extracting(Container::name).containsExactly("anywhere");
        assertThat(d.held()).isEqualTo(Map.of("prod", "storm"));
    }

    @Test
    void aRecordWrittenBeforeMovableExistedIsPinned() {
        String old = "{\"name\":\"web\",\"node\":\"dead\",\"allocId\":\"a-web\",\"generation\":1,"
                + "\"desired\":\"RUNNING\",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
        Container read = StoreJson.read(old.getBytes(StandardCharsets.UTF_8), Container.class);
        assertThat(read.movable()).isFalse();
        assertThat(moved(List.of(read))).isEmpty();
    }
}
