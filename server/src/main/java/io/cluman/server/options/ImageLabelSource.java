package io.cluman.server.options;

import io.cluman.model.node.Node;
import java.util.Map;
import java.util.Optional;

/** Reads an image's labels as a node's engine has them. */
public interface ImageLabelSource {
    /**
     * The labels of {@code image} on {@code node}'s engine; empty when the node cannot tell (the image is not
     * there yet, the node has no Docker Engine, its agent does not answer). Bounded to a few seconds.
     */
    Optional<Map<String, String>> labels(Node node, String image);
}
