package io.cluman.server.compose;

import io.cluman.model.validation.Sizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a service's {@code deploy} section: {@code replicas} (else the service's {@code scale}, else 1),
 * {@code resources.limits.cpus} and {@code .memory} (else the service's {@code cpus} and {@code mem_limit}),
 * {@code placement.constraints}, the first {@code placement.preferences} spread over a node label and
 * {@code restart_policy}. The rest is warned about.
 */
final class DeployMapper {
    static final int MAX_REPLICAS = 10_000;
    static final double MAX_CPUS = 1024;
    static final long MIN_MEMORY = 4L << 20;
    private static final String NODE_LABELS = "node.labels.";
    private static final Set<String> DEPLOY_KEYS = Set.of("replicas", "resources", "placement", "restart_policy",
            "mode");
    private static final Map<String, String> DEPLOY_REASONS = Map.of(
            "labels", "service labels are not supported, ignored: set container labels with the service's labels",
            "update_config", "not supported, ignored: Cluman rolls services out with its own update settings",
            "rollback_config", "not supported, ignored: Cluman rolls services out with its own update settings",
            "endpoint_mode", "not supported, ignored: Cluman has no virtual IPs; replicas publish their ports");

    private final Values values;
    private final ConstraintMapper constraints;

    DeployMapper(Values values) {
        this.values = values;
        this.constraints = new ConstraintMapper(values.findings());
    }

    /** The settings of {@code service} (a service's mapping at {@code path}). */
    DeploySettings map(Map<String, Object> service, String path) {
        String deployPath = Paths.child(path, "deploy");
        Map<String, Object> deploy = orEmpty(values.map(service.get("deploy"), deployPath));
        values.warnUnsupported(deploy, deployPath, DEPLOY_KEYS, DEPLOY_REASONS);
        String mode = values.text(deploy.get("mode"), Paths.child(deployPath, "mode"));
        if (mode != null && !mode.equals("replicated")) {
            values.findings().warn(Paths.child(deployPath, "mode"), "'" + mode + "' is not supported: Cluman runs"
                    + " the service's replicas (deploy.replicas, 1 when not set)");
        }
        Integer replicas = deploy.containsKey("replicas")
                ? values.integer(deploy.get("replicas"), Paths.child(deployPath, "replicas"), 0, MAX_REPLICAS)
                : service.containsKey("scale")
                ? values.integer(service.get("scale"), Paths.child(path, "scale"), 0, MAX_REPLICAS) : Integer.valueOf(1);
        Map<String, Object> limits = limits(deploy, Paths.child(deployPath, "resources"));
        String limitsPath = Paths.child(deployPath, "resources.limits");
        double cpus = limits.containsKey("cpus") ? cpus(limits.get("cpus"), Paths.child(limitsPath, "cpus"))
                : cpus(service.get("cpus"), Paths.child(path, "cpus"));
        long memory = limits.containsKey("memory") ? memory(limits.get("memory"), Paths.child(limitsPath, "memory"))
                : memory(service.get("mem_limit"), Paths.child(path, "mem_limit"));
        String placementPath = Paths.child(deployPath, "placement");
        Map<String, Object> placement = orEmpty(values.map(deploy.get("placement"), placementPath));
        return new DeploySettings(replicas == null ? 1 : replicas, cpus, memory,
                constraints(placement, placementPath),
                restartPolicy(deploy.get("restart_policy"), Paths.child(deployPath, "restart_policy")),
                spread(placement.get("preferences"), Paths.child(placementPath, "preferences")));
    }

    private Map<String, Object> limits(Map<String, Object> deploy, String path) {
        Map<String, Object> resources = orEmpty(values.map(deploy.get("resources"), path));
        values.warnUnsupported(resources, path, Set.of("limits"), Map.of("reservations",
                "not supported, ignored: Cluman places and limits containers by their limits"));
        String limitsPath = Paths.child(path, "limits");
        Map<String, Object> limits = orEmpty(values.map(resources.get("limits"), limitsPath));
        values.warnUnsupported(limits, limitsPath, Set.of("cpus", "memory"), Map.of());
        return limits;
    }

    private double cpus(Object value, String path) {
        String text = values.text(value, path);
        if (text == null) {
            return 0;
        }
        try {
            double cpus = Double.parseDouble(text.strip());
            if (cpus >= 0 && cpus <= MAX_CPUS) {
                return cpus;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        values.findings().error(path, "'" + text + "' is not a number of CPU cores from 0 to 1024, e.g. 0.5");
        return 0;
    }

    private long memory(Object value, String path) {
        String text = values.text(value, path);
        if (text == null) {
            return 0;
        }
        try {
            long bytes = Sizes.parse(text);
            if (bytes >= MIN_MEMORY) {
                return bytes;
            }
            values.findings().error(path, "'" + text + "' is less than the least memory limit, 4M");
        } catch (IllegalArgumentException e) {
            values.findings().error(path, e.getMessage());
        }
        return 0;
    }

    private List<String> constraints(Map<String, Object> placement, String path) {
        values.warnUnsupported(placement, path, Set.of("constraints", "preferences"), Map.of(
                "max_replicas_per_node", "not supported, ignored"));
        String constraintsPath = Paths.child(path, "constraints");
        List<String> texts = values.texts(placement.get("constraints"), constraintsPath);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String constraint = constraints.map(texts.get(i), Paths.item(constraintsPath, i));
            if (constraint != null) {
                out.add(constraint);
            }
        }
        return out;
    }

    /**
     * The label of the first {@code - spread: node.labels.KEY}; Cluman spreads over one label, so further
     * preferences are warned about, as is a spread over anything but a node label.
     */
    private String spread(Object value, String path) {
        if (value == null) {
            return null;
        }
        List<Object> preferences = values.list(value, path);
        if (preferences == null) {
            return null;
        }
        String spread = null;
        for (int i = 0; i < preferences.size(); i++) {
            String at = Paths.item(path, i);
            Map<String, Object> preference = orEmpty(values.map(preferences.get(i), at));
            String over = values.text(preference.get("spread"), Paths.child(at, "spread"));
            if (over == null || !over.strip().startsWith(NODE_LABELS) || over.strip().length() == NODE_LABELS.length()) {
                values.findings().warn(at, "ignored: Cluman spreads over a node label only, written"
                        + " 'spread: node.labels.KEY'");
            } else if (spread != null) {
                values.findings().warn(at, "ignored: Cluman spreads over one label, the first ('" + spread + "')");
            } else {
                spread = over.strip().substring(NODE_LABELS.length());
            }
        }
        return spread;
    }

    /** The restart policy {@code restart_policy} sets ({@code none}: no, {@code any}: always); null when none. */
    private String restartPolicy(Object value, String path) {
        Map<String, Object> policy = values.map(value, path);
        if (policy == null) {
            return null;
        }
        values.warnUnsupported(policy, path, Set.of("condition", "max_attempts"), Map.of(
                "delay", "not supported, ignored: Cluman restarts with its own back-off",
                "window", "not supported, ignored"));
        String condition = values.text(policy.get("condition"), Paths.child(path, "condition"));
        Integer attempts = policy.containsKey("max_attempts")
                ? values.integer(policy.get("max_attempts"), Paths.child(path, "max_attempts"), 0, 9999) : null;
        return switch (condition == null ? "any" : condition) {
            case "none" -> "no";
            case "on-failure" -> attempts == null || attempts == 0 ? "on-failure" : "on-failure:" + attempts;
            case "any" -> {
                if (attempts != null) {
                    values.findings().warn(Paths.child(path, "max_attempts"), "ignored with condition any: Cluman's"
                            + " always has no limit");
                }
                yield "always";
            }
            default -> {
                values.findings().error(Paths.child(path, "condition"), "'" + condition + "' is not a condition:"
                        + " use none, on-failure or any");
                yield null;
            }
        };
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
