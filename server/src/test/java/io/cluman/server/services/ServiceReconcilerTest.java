package io.cluman.server.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.server.services.ServiceReconciler.Plan;
import io.cluman.server.services.ServiceReconciler.Replica;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final String STORM = "2 of 3 nodes of all are off";

    private static Replica up(String name, int createdSecondsAgo) {
        return new Replica(name, "n-" + name, NOW.minusSeconds(createdSecondsAgo), null);
    }

    private static Replica off(String name, int offSecondsAgo) {
        return new Replica(name, "n-" + name, NOW.minusSeconds(600), NOW.minusSeconds(offSecondsAgo));
    }

    private static Plan plan(int desired, Replica... replicas) {
        return ServiceReconciler.plan(desired, List.of(replicas), NOW, GRACE, null);
    }

    @Test
    void createsTheMissingReplicas() {
        assertThat(plan(3, up("a", 10))).isEqualTo(new Plan(2, List.of(), List.of(), null));
        assertThat(plan(2)).isEqualTo(new Plan(2, List.of(), List.of(), null));
    }

    @Test
    void atTheCountDoesNothing() {
        assertThat(plan(2, up("a", 10), up("b", 5)).idle()).isTrue();
        assertThat(plan(0).idle()).isTrue();
    }

    @Test
    void removesTheNewestWhenThereAreTooMany() {
        assertThat(plan(1, up("old", 100), up("newest", 1), up("newer", 50)))
                .isEqualTo(new Plan(0, List.of("newest", "newer"), List.of(), null));
    }

    @Test
    void scalingDownRemovesReplicasOnOffNodesFirst() {
        assertThat(plan(2, up("a", 100), up("b", 1), off("c", 2)).remove()).containsExactly("c");
    }

    @Test
    void replicaOnANodeOffLessThanTheGraceStillCounts() {
        assertThat(plan(2, up("a", 10), off("b", 14)).idle()).isTrue();
    }

    @Test
    void replicaOnANodeOffForTheGraceIsReplaced() {
        assertThat(plan(3, up("a", 10), off("b", 15), off("c", 300)))
                .isEqualTo(new Plan(0, List.of(), List.of("b", "c"), null));
    }

    @Test
    void aNodeWithoutRecordIsLostAtOnce() {
        Replica orphan = new Replica("x", "n-gone", NOW.minusSeconds(5), Instant.EPOCH);
        assertThat(plan(1, orphan).replace()).containsExactly("x");
    }

    @Test
    void aStormHoldsReplacementAndSaysWhy() {
        Plan held = ServiceReconciler.plan(2, List.of(up("a", 10), off("b", 60)), NOW, GRACE, STORM);
        assertThat(held).isEqualTo(new Plan(0, List.of(), List.of(), STORM));
    }

    @Test
    void aStormWithoutLostReplicasHoldsNothing() {
        assertThat(ServiceReconciler.plan(2, List.of(up("a", 10), off("b", 3)), NOW, GRACE, STORM).held()).isNull();
    }

    @Test
    void aStormDoesNotStopScaling() {
        Plan plan = ServiceReconciler.plan(3, List.of(up("a", 10), off("b", 60)), NOW, GRACE, STORM);
        assertThat(plan.create()).isEqualTo(1);
        assertThat(plan.replace()).isEmpty();
        assertThat(plan.held()).isEqualTo(STORM);
    }

    @Test
    void excessIsRemovedBeforeLostReplicasAreReplaced() {
        Plan plan = plan(2, up("a", 10), up("b", 5), off("c", 60), off("d", 60));
        assertThat(plan.remove()).containsExactlyInAnyOrder("c", "d");
        assertThat(plan.replace()).isEmpty();
    }
}
