package io.cluman.store.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.event.Action;
import io.cluman.model.event.Event;
import io.cluman.model.event.Severity;
import io.cluman.model.event.Topic;
import io.cluman.store.embedded.EmbeddedKvStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path dir;

    private static Event event(int i, Severity severity) {
        return new Event(0, Instant.ofEpochSecond(1_000 + i), Topic.NODE, Action.UPDATE, severity, "node", "n" + i,
                "event " + i, Map.of());
    }

    @Test
    void idsAreStoreRevisionsAndWarningsAlsoGoToTheErrorHistory() {
        try (EmbeddedKvStore store = new EmbeddedKvStore(dir)) {
            EventLog log = new EventLog(store, new Random(7));
            Event info = log.append(event(1, Severity.INFO));
            Event warning = log.append(event(2, Severity.WARNING));
            assertThat(warning.id()).isGreaterThan(info.id());
            assertThat(log.read(KeySpace.EVENTS)).extracting(Event::id).containsExactly(info.id(), warning.id());
            assertThat(log.read(KeySpace.ERRORS)).extracting(Event::id).containsExactly(warning.id());
        }
    }

    @Test
    void trimKeepsTheNewestAndTheHistorySurvivesReopen() {
        try (EmbeddedKvStore store = new EmbeddedKvStore(dir)) {
            EventLog log = new EventLog(store, new Random(7));
            for (int i = 0; i < 250; i++) {
                log.append(event(i, Severity.INFO));
            }
            assertThat(log.trim(KeySpace.EVENTS, 100)).isEqualTo(150);
        }
        try (EmbeddedKvStore store = new EmbeddedKvStore(dir)) {
            var events = new EventLog(store, new Random(7)).read(KeySpace.EVENTS);
            assertThat(events).hasSize(100);
            assertThat(events.getFirst().objectId()).isEqualTo("n150");
            assertThat(events.getLast().objectId()).isEqualTo("n249");
        }
    }
}
