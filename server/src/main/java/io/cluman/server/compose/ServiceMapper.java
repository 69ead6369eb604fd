package io.cluman.server.compose;

import io.cluman.model.api.HealthCheckRequest;
import io.cluman.model.validation.ValidationException;
import io.cluman.model.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps one entry of {@code services} to a {@link ComposeService}, reporting every problem at its path.
 * The keys it reads are {@link #KEYS}; any other key is warned about, with a reason for the common ones.
 */
final class ServiceMapper {
    static final Set<String> KEYS = Set.of("image", "command", "entrypoint", "environment", "env_file", "ports",
            "labels", "depends_on", "healthcheck", "restart", "deploy", "working_dir", "scale", "cpus", "mem_limit");
    private static final Map<String, String> REASONS = Map.of(
            "build", "not supported, ignored: Cluman runs images; build and push the image, then name it in image",
            "volumes", "not supported, ignored: Cluman does not manage volumes or bind mounts; containers get none",
            "networks", "not supported, ignored: containers run on each node's default network and reach other"
                    + " services through published ports",
            "container_name", "ignored: Cluman names each replica's container itself",
            "expose", "ignored: Cluman publishes only the ports in ports",
            "links", "not supported, ignored: Cluman has no links between containers",
            "secrets", "not supported, ignored: pass secrets as environment variables or env files",
            "configs", "not supported, ignored");
    private static final Pattern RESTART = Pattern.compile("no|always|on-failure(:\\d{1,4})?");

    private final Values values;
    private final EnvironmentMapper environment;
    private final PortMapper ports;
    private final HealthCheckMapper healthchecks;
    private final DeployMapper deploys;

    ServiceMapper(Values values, EnvironmentMapper environment) {
        this.values = values;
        this.environment = environment;
        this.ports = new PortMapper(values);
        this.healthchecks = new HealthCheckMapper(values);
        this.deploys = new DeployMapper(values);
    }

    /** The service {@code name} defines with {@code definition}; null when it has errors (then reported). */
    ComposeService map(String name, Object definition, String path) {
        Findings findings = values.findings();
        if (!Validator.isDnsLabel(name)) {
            findings.error(path, "'" + name + "' is not a service name Cluman accepts: use 1-63 lower-case"
                    + " letters, digits and '-', starting and ending with a letter or digit");
        }
        Map<String, Object> s = values.map(definition, path);
        if (s == null) {
            return null;
        }
        values.warnUnsupported(s, path, KEYS, REASONS);
        String image = values.text(s.get("image"), Paths.child(path, "image"));
        if (s.get("image") == null || (image != null && image.isBlank())) {
            findings.error(Paths.child(path, "image"), "is required: Cluman runs images"
                    + (s.containsKey("build") ? "; build this one, push it to a registry and name it here" : ""));
        }
        List<String> entrypoint = argv(s.get("entrypoint"), Paths.child(path, "entrypoint"));
        List<String> command = argv(s.get("command"), Paths.child(path, "command"));
        Map<String, String> env = environment.map(s, path);
        List<String> published = ports(s.get("ports"), Paths.child(path, "ports"));
        Map<String, String> labels = labels(s.get("labels"), Paths.child(path, "labels"));
        List<ComposeDependency> dependsOn = dependencies(s.get("depends_on"), Paths.child(path, "depends_on"));
        HealthCheckRequest healthcheck = s.containsKey("healthcheck")
                ? healthchecks.map(s.get("healthcheck"), Paths.child(path, "healthcheck")) : null;
        String restart = restart(s.get("restart"), Paths.child(path, "restart"));
        DeploySettings deploy = deploys.map(s, path);
        String workingDir = values.text(s.get("working_dir"), Paths.child(path, "working_dir"));
        if (findings.hasErrors()) {
            return null;
        }
        return new ComposeService(name, image, entrypoint, command, env, published, labels, dependsOn, healthcheck,
                deploy.restart() != null ? deploy.restart() : restart, deploy.replicas(), deploy.cpus(),
                deploy.memory(), deploy.constraints(), workingDir, deploy.spread());
    }

    /** A command as argv: a list as is, a string split as a shell would. */
    private List<String> argv(Object value, String path) {
        if (value instanceof List<?>) {
            return values.texts(value, path);
        }
        String line = values.text(value, path);
        if (line == null) {
            return List.of();
        }
        try {
            return ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            values.findings().error(path, e.getMessage());
            return List.of();
        }
    }

    private List<String> ports(Object value, String path) {
        List<Object> entries = values.list(value, path);
        List<String> out = new ArrayList<>();
        if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                out.addAll(ports.map(entries.get(i), Paths.item(path, i)));
            }
        }
        return out;
    }

    private Map<String, String> labels(Object value, String path) {
        Map<String, String> labels = new LinkedHashMap<>();
        values.entries(value, path).forEach((k, v) -> labels.put(k, v == null ? "" : v));
        try {
            new Validator().labels(path, labels).throwIfInvalid();
        } catch (ValidationException e) {
            e.errors().forEach(error -> values.findings().error(error.field(), error.message()));
        }
        return labels;
    }

    /** {@code depends_on} as a list of names or a mapping of name to {@code {condition}}. */
    private List<ComposeDependency> dependencies(Object value, String path) {
        List<ComposeDependency> out = new ArrayList<>();
        if (value instanceof List<?>) {
            values.texts(value, path).forEach(d -> out.add(new ComposeDependency(d, DependencyCondition.SERVICE_STARTED)));
            return out;
        }
        Map<String, Object> map = values.map(value, path);
        if (map == null) {
            return out;
        }
        map.forEach((service, spec) -> {
            String specPath = Paths.child(path, service);
            Map<String, Object> options = values.map(spec, specPath);
            options = options == null ? Map.of() : options;
            values.warnUnsupported(options, specPath, Set.of("condition"), Map.of(
                    "restart", "not supported, ignored: Cluman does not restart a service when its dependency"
                            + " restarts",
                    "required", "not supported, ignored: every dependency must be part of the application"));
            String text = values.text(options.get("condition"), Paths.child(specPath, "condition"));
            DependencyCondition condition = text == null ? DependencyCondition.SERVICE_STARTED
                    : DependencyCondition.parse(text);
            if (condition == null) {
                values.findings().error(Paths.child(specPath, "condition"), "'" + text + "' is not a condition: use"
                        + " service_started, service_healthy or service_completed_successfully");
            } else {
                out.add(new ComposeDependency(service, condition));
            }
        });
        return out;
    }

    /** Cluman's restart policy for {@code restart}; {@code unless-stopped} is {@code always}. */
    private String restart(Object value, String path) {
        String text = values.text(value, path);
        if (text == null) {
            return "no";
        }
        String policy = text.strip();
        if (policy.equals("unless-stopped")) {
            return "always";
        }
        if (!RESTART.matcher(policy).matches()) {
            values.findings().error(path, "'" + text + "' is not a restart policy: use no, always, on-failure,"
                    + " on-failure:N or unless-stopped");
        }
        return policy;
    }
}
