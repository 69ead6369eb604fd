package io.cluman.server.agents;

import io.cluman.model.api.ContainerStats;
import io.cluman.model.api.ContainerView;
import io.cluman.model.api.LogQuery;
import io.cluman.model.api.UnmanagedContainer;
import io.cluman.model.container.TaskState;
import io.cluman.model.node.Node;
import io.cluman.server.api.ApiError;
import io.cluman.server.nodes.NodeRegistry;
import io.cluman.server.options.ImageLabelSource;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a node's agent what only it knows now, and says in API terms why it cannot: the node is off or
 * unknown, or its agent has no local API or does not answer (503, naming the node and the reason); the
 * container has not started on its node (409).
 */
public final class NodeAgents implements ImageLabelSource {
    /** Stats are extra in a container's view: the view never waits longer than this for them. */
    public static final Duration STATS_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgents.class);

    private final NodeRegistry nodes;
    private final AgentLink link;

    public NodeAgents(NodeRegistry nodes, AgentLink link) {
        this.nodes = nodes;
        this.link = link;
    }

    /** The container's output, from its node's agent; the caller closes the stream. */
    public InputStream logs(ContainerView container, LogQuery query) {
        requireStarted(container);
        Node node = reachable(container.node());
        try {
            return link.logs(node.id(), node.facts().apiAddress(), container.allocId(), query);
        } catch (AgentLink.Failure e) {
            throw translate(node, container, e);
        }
    }

    /**
     * The view with the container's resource use when it runs, or with {@code statsError} saying why there
     * is none; unchanged when it does not run. Never fails.
     */
    public ContainerView withStats(ContainerView container) {
        if (container.status() != TaskState.RUNNING) {
            return container;
        }
        Node node;
        try {
            node = reachable(container.node());
        } catch (ApiError e) {
            return container.withStats(null, e.getMessage());
        }
        try {
            ContainerStats stats = link.stats(node.id(), node.facts().apiAddress(), container.allocId(), STATS_TIMEOUT);
            return container.withStats(stats, null);
        } catch (AgentLink.Failure e) {
            return container.withStats(null, "the agent of node " + describe(node) + " could not tell: "
                    + e.getMessage());
        }
    }

    /**
     * The image's labels as the node's engine has them, for the {@code arg.*} option layer; empty when the
     * node is off, has no local API, lacks the image, or its agent does not answer within 3 s.
     */
    @Override
    public Optional<Map<String, String>> labels(Node node, String image) {
        String address = node == null ? null : node.facts().apiAddress();
        if (address == null || address.isBlank() || !node.on()) {
            return Optional.empty();
        }
        try {
            return link.imageLabels(node.id(), address, image, STATS_TIMEOUT);
        } catch (AgentLink.Failure e) {
            LOG.debug("no labels of {} from node {}: {}", image, describe(node), e.getMessage());
            return Optional.empty();
        }
    }

    /** What runs on the node's engines without Cluman's labels; 404 for an unknown node. */
    public List<UnmanagedContainer> unmanaged(String nodeId) {
        Node node = nodes.read(nodeId).orElseThrow(() -> new ApiError.NotFound("node", nodeId));
        requireReachable(node);
        try {
            return link.unmanaged(node.id(), node.facts().apiAddress());
        } catch (AgentLink.Failure e) {
            throw translate(node, null, e);
        }
    }

    private static void requireStarted(ContainerView c) {
        if (c.runtimeId() == null || c.runtimeId().isEmpty()) {
            throw new ApiError.Conflict("container '" + c.name() + "' has not started on node " + c.node()
                    + " yet (status " + c.status() + (c.lastError() == null ? "" : ": " + c.lastError())
                    + "): there is no output to show; try again once it runs");
        }
    }

    private Node reachable(String nodeId) {
        Node node = nodes.read(nodeId).orElseThrow(() -> new ApiError.Unavailable("node " + nodeId
                + " is no longer known to the server: its agent cannot be asked"));
        requireReachable(node);
        return node;
    }

    private static void requireReachable(Node node) {
        if (!node.on()) {
            throw new ApiError.Unavailable("node " + describe(node) + " is off (no heartbeat since " + node.lastSeen()
                    + "): its agent cannot be asked until it is on again");
        }
        if (node.facts().apiAddress().isEmpty()) {
            throw new ApiError.Unavailable("the agent of node " + describe(node) + " has no local API (an agent older"
                    + " than the local API, or one still starting): upgrade or restart it");
        }
    }

    private static ApiError translate(Node node, ContainerView container, AgentLink.Failure e) {
        if (e.status() == 404 && container != null) {
            return new ApiError.Conflict("the agent of node " + describe(node) + " has no task for container '"
                    + container.name() + "' now (" + e.getMessage() + "); it may be restarting: try again");
        }
        String why = e.status() == 401 ? "it refused the server's join token (" + e.getMessage() + ")"
                : e.getMessage();
        return new ApiError.Unavailable("cannot ask the agent of node " + describe(node) + " at "
                + node.facts().apiAddress() + ": " + why);
    }

    private static String describe(Node node) {
        return node.name().equals(node.id()) ? node.id() : node.name() + " (" + node.id() + ")";
    }
}
