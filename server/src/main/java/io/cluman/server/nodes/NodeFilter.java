package io.cluman.server.nodes;

import io.cluman.model.cluster.Cluster;
import io.cluman.model.node.Node;
import io.cluman.model.node.NodeState;
import io.cluman.model.validation.Validator;
import java.util.Locale;
import java.util.function.Predicate;

/** The query filters of {@code GET /v1/nodes}, parsed and checked: {@code cluster}, {@code state}, {@code on}, {@code label}. */
public record NodeFilter(String cluster, NodeState state, Boolean on, String labelKey, String labelValue)
        implements Predicate<Node> {

    /** Parses the raw query values (each may be null); 400 naming the parameter when one is malformed. */
    public static NodeFilter parse(String cluster, String state, String on, String label) {
        Validator v = new Validator();
        NodeState parsedState = null;
        if (state != null && !state.isEmpty()) {
            try {
                parsedState = NodeState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("state", "'" + state + "' is not a state: use one of " + java.util.Arrays.toString(NodeState.values()));
            }
        }
        Boolean parsedOn = null;
        if (on != null && !on.isEmpty()) {
            v.check(on.equals("true") || on.equals("false"), "on", "'" + on + "' is not true or false");
            parsedOn = Boolean.valueOf(on);
        }
        String key = null;
        String value = null;
        if (label != null && !label.isEmpty()) {
            int eq = label.indexOf('=');
            v.check(eq > 0, "label", "'" + label + "' is not key=value");
            key = eq > 0 ? label.substring(0, eq) : null;
            value = eq > 0 ? label.substring(eq + 1) : null;
        }
        v.throwIfInvalid();
        return new NodeFilter(cluster == null || cluster.isEmpty() ? null : cluster, parsedState, parsedOn, key, value);
    }

    @Override
    public boolean test(Node n) {
        return (cluster == null || inCluster(n))
                && (state == null || n.state() == state)
                && (on == null || n.on() == on)
                && (labelKey == null || labelValue.equals(n.labels().get(labelKey)));
    }

    private boolean inCluster(Node n) {
        return switch (cluster) {
            case Cluster.ALL -> n.on();
            case Cluster.ORPHANS -> n.cluster() == null;
            default -> cluster.equals(n.cluster());
        };
    }
}
