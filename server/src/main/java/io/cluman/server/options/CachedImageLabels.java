package io.cluman.server.options;

import io.cluman.model.node.Node;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers what another source said about an image on a node for a short while, so creating many replicas
 * of one image asks the node's agent (or the registry) once, not once per replica. "Cannot tell" is not
 * remembered: the next container asks again.
 */
public final class CachedImageLabels implements ImageLabelSource {
    private static final int MAX_ENTRIES = 10_000;

    private final ImageLabelSource source;
    private final Duration ttl;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Map<String, String> labels, Instant until) {
    }

    public CachedImageLabels(ImageLabelSource source, Duration ttl, InstantSource clock) {
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<Map<String, String>> labels(Node node, String image) {
        String key = (node == null ? "" : node.id()) + "\u0000" + image;
        Instant now = clock.instant();
        Entry hit = entries.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.labels());
        }
        Optional<Map<String, String>> found = source.labels(node, image);
        if (found.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(Map.copyOf(found.get()), now.plus(ttl)));
        }
        return found;
    }
}
