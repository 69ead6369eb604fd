package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cluman.client.ClumanClient;
import io.cluman.client.EventStream;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.event.Event;
import io.cluman.model.event.Topic;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventApiTest {
    @TempDir
    Path dir;

    @Test
    void eventsAreListedAndFilteredByTopicAndSince() {
        try (TestServer server = new TestServer(dir)) {
            ClumanClient admin = server.admin();
            admin.createCluster(new ClusterRequest("a", "", null, null));
            admin.createCluster(new ClusterRequest("b", "", null, null));
            List<Event> groups = admin.events(Map.of("topic", Topic.LOG_NODES_GROUP.busName()));
            assertThat(groups).extracting(Event::objectId).containsExactly("a", "b");
            assertThat(groups.get(1).id()).isGreaterThan(groups.get(0).id());
            String clusters = Topic.LOG_NODES_GROUP.busName();
            assertThat(admin.events(Map.of("since", Long.toString(groups.get(0).id()), "topic", clusters)))
                    .extracting(Event::objectId).containsExactly("b");
            assertThat(admin.events(Map.of("since", groups.get(0).time().toString(), "topic", clusters)))
                    .extracting(Event::objectId).doesNotContain("a");
            assertThat(admin.events(Map.of("since", "2000-01-01T00:00:00Z"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(admin.events(Map.of("topic", "job"))).isEmpty();
            assertThat(admin.events(Map.of("severity", "WARNING"))).isEmpty();
        }
    }

    @Test
    void streamDeliversLiveEventsAndResumesAfterLastEventId() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            ClumanClient admin = server.admin();
            List<Event> seen = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                // the cluster events only (each change also makes an audit event on bus.cluman.audit)
                try (EventStream stream = admin.streamEvents(Map.of("topic", Topic.LOG_NODES_GROUP.busName()), 0)) {
                    while (seen.size() < 2) {
                        stream.next().ifPresent(seen::add);
                    }
                }
            });
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
            admin.createCluster(new ClusterRequest("a", "", null, null));
            admin.createCluster(new ClusterRequest("b", "", null, null));
            reader.join(Duration.ofSeconds(10));
            assertThat(seen).extracting(Event::objectId).containsExactly("a", "b");

            admin.createCluster(new ClusterRequest("c", "", null, null));
            try (EventStream resumed = admin.streamEvents(Map.of("topic", Topic.LOG_NODES_GROUP.busName()),
                    seen.get(0).id())) {
                assertThat(resumed.next()).get().extracting(Event::objectId).isEqualTo("b");
                assertThat(resumed.next()).get().extracting(Event::objectId).isEqualTo("c");
            }
        }
    }

    @Test
    void eventsSurviveAServerRestart() {
        long id;
        try (TestServer server = new TestServer(dir)) {
            server.admin().createCluster(new ClusterRequest("a", "", null, null));
            id = server.admin().events(Map.of()).getLast().id();
        }
        try (TestServer server = new TestServer(dir)) {
            assertThat(server.admin().events(Map.of())).extracting(Event::id).contains(id);
            assertThat(server.admin().clusters()).extracting(c -> c.name()).contains("a");
        }
    }
}
