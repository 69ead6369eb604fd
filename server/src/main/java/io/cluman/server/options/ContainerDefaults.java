package io.cluman.server.options;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.cluster.Cluster;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles the layers for a container: the image's {@code arg.*} labels (read on the node it goes to), the
 * configuration repository's {@code all/<image>} then {@code <cluster>/<image>} file, then the request.
 * Only docker containers have an image, so process containers get their request alone.
 */
public final class ContainerDefaults {
    private final ConfigRepository repository;
    private final ImageLabelSource labels;

    /** @param repository the configuration repository; null when the server has none */
    public ContainerDefaults(ConfigRepository repository, ImageLabelSource labels) {
        this.repository = repository;
        this.labels = labels;
    }

    /**
     * The options a container gets.
     *
     * @param cluster   the cluster whose defaults apply (a system group name for nodes in none)
     * @param node      the node it goes to (its engine is asked for the image's labels)
     * @param request   the call as sent
     * @param validated the call after validation
     */
    public MergedOptions merge(String cluster, Node node, ContainerRequest request, ContainerSpec validated) {
        List<OptionLayer> layers = new ArrayList<>();
        if (validated.driver() == DriverName.DOCKER) {
            labels.labels(node, validated.image()).ifPresent(l -> layers.add(ImageLabelLayer.from(l)));
            layers.addAll(gitLayers(cluster, validated.image()));
        }
        layers.add(RequestLayer.of(request, validated));
        return OptionMerger.merge(layers);
    }

    /**
     * What {@code image} gets in {@code cluster} before a request's own options.
     *
     * @param candidates nodes to ask for the image's labels, in order; the first that can tell wins (none:
     *                   the label source is asked without a node, e.g. the image's registry)
     */
    public DefaultsReport report(String cluster, String image, List<Node> candidates) {
        List<OptionLayer> layers = new ArrayList<>();
        String labelsFrom = null;
        if (candidates.isEmpty()) {
            labels.labels(null, image).ifPresent(l -> layers.add(ImageLabelLayer.from(l)));
        }
        for (Node node : candidates) {
            Optional<Map<String, String>> found = labels.labels(node, image);
            if (found.isPresent()) {
                layers.add(ImageLabelLayer.from(found.get()));
                labelsFrom = node.name();
                break;
            }
        }
        layers.addAll(gitLayers(cluster, image));
        MergedOptions merged = OptionMerger.merge(layers);
        return new DefaultsReport(cluster, image, ImageName.of(image), labelsFrom, merged.values(),
                merged.provenance(), merged.layers(), gitState());
    }

    private List<OptionLayer> gitLayers(String cluster, String image) {
        if (repository == null) {
            return List.of();
        }
        ConfigSnapshot snapshot = repository.snapshot();
        String name = ImageName.of(image);
        List<OptionLayer> layers = new ArrayList<>();
        for (String group : new LinkedHashSet<>(List.of(Cluster.ALL, cluster))) {
            snapshot.pathFor(group, name).ifPresent(path -> layers.add(GitFileLayer.parse(
                    "git " + path + "@" + snapshot.shortCommit(), path, snapshot.files().get(path))));
        }
        return layers;
    }

    private DefaultsReport.GitState gitState() {
        if (repository == null) {
            return null;
        }
        ConfigSnapshot snapshot = repository.snapshot();
        return new DefaultsReport.GitState(repository.settings().url(), snapshot.commit(), snapshot.readAt(),
                repository.lastError().orElse(null));
    }
}
