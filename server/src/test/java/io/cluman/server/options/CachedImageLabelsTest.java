package io.cluman.server.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedImageLabelsTest {
    private Instant now = Instant.parse("2026-11-22T00:00:00Z");
    private final List<String> asked = new ArrayList<>();

    @Test
    void answersFromMemoryUntilTheTtlPassesAndNeverRemembersCannotTell() {
        ImageLabelSource counting = (node, image) -> {
            asked.add(image);
            return image.equals("unknown") ? Optional.empty() : Optional.of(Map.of("arg.memory", "64M"));
        };
        CachedImageLabels cache = new CachedImageLabels(counting, Duration.ofSeconds(30), () -> now);

        assertThat(cache.labels(null, "busybox")).contains(Map.of("arg.memory", "64M"));
        assertThat(cache.labels(null, "busybox")).contains(Map.of("arg.memory", "64M"));
        assertThat(asked).containsExactly("busybox");

        cache.labels(null, "unknown");
        cache.labels(null, "unknown");
        assertThat(asked).containsExactly("busybox", "unknown", "unknown");

        now = now.plusSeconds(31);
        cache.labels(null, "busybox");
        assertThat(asked).containsExactly("busybox", "unknown", "unknown", "busybox");
    }
}
