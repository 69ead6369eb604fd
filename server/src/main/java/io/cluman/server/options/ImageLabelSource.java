package io.cluman.server.options;

import io.cluman.model.node.Node;
import java.util.Map;
import java.util.Optional;

/** Reads an image's labels: from a node's engine, or from the image's registry. */
public interface ImageLabelSource {
    /**
     * The labels of {@code image} as {@code node}'s engine (null: no node to ask) or the image's registry has
     * them; empty when it cannot tell (the image is not there, the node has no Docker Engine, its agent or the
     * registry does not answer). Bounded to a few seconds.
     */
    Optional<Map<String, String>> labels(Node node, String image);

    /** Asks {@code first}, then {@code second} when the first cannot tell. */
    static ImageLabelSource firstOf(ImageLabelSource first, ImageLabelSource second) {
        return (node, image) -> {
            Optional<Map<String, String>> found = first.labels(node, image);
            return found.isPresent() ? found : second.labels(node, image);
        };
    }
}
