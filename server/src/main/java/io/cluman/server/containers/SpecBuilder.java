package io.cluman.server.containers;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.validation.Sizes;
import io.cluman.model.validation.Validator;
import io.cluman.scheduler.constraint.ConstraintException;
import io.cluman.scheduler.constraint.ConstraintParser;
import io.cluman.server.options.OptionSyntax;
import java.util.List;

/**
 * Checks a container request field by field and turns it into a {@link ContainerSpec}. Pure. Services use it
 * for their replicas' fields, so a container and a service refuse the same input in the same words.
 */
public final class SpecBuilder {

    private SpecBuilder() {
    }

    static ContainerSpec build(ContainerRequest r) {
        return build(r, new Validator());
    }

    /** Checks {@code r}, adding its errors to those {@code v} already holds, and throws them all together. */
    public static ContainerSpec build(ContainerRequest r, Validator v) {
        v.dnsLabel("name", r.name()).labels("labels", r.labels());
        DriverName driver = r.driver() == null ? DriverName.DOCKER : r.driver();
        if (driver == DriverName.DOCKER) {
            v.check(r.image() != null && !r.image().isBlank(), "image", "is required for the docker driver");
        } else {
            v.check(!isEmpty(r.command()) || !isEmpty(r.args()), "command",
                    "is required for the process driver: the program to run, e.g. [\"/bin/sleep\", \"60\"]");
        }
        v.check(r.node() == null || r.cluster() == null, "node", "give a node or a cluster, not both");
        v.check(r.restart() == null || OptionSyntax.isRestart(r.restart()), "restart",
                "'" + r.restart() + "' is not a restart policy: " + OptionSyntax.RESTART_HINT);
        if (r.env() != null) {
            r.env().forEach((k, val) -> v.check(k != null && !k.isBlank() && !k.contains("="), "env",
                    "variable name '" + k + "' is invalid"));
        }
        List<String> ports = r.ports() == null ? List.of() : r.ports();
        for (int i = 0; i < ports.size(); i++) {
            v.check(OptionSyntax.isPort(ports.get(i)), "ports[" + i + "]",
                    "'" + ports.get(i) + "' is not a port mapping: " + OptionSyntax.PORT_HINT);
        }
        long memory = 0;
        double cpus = 0;
        if (r.resources() != null) {
            if (r.resources().memory() != null) {
                try {
                    memory = Sizes.parse(r.resources().memory());
                    v.check(memory >= 4L << 20, "resources.memory", "must be at least 4M");
                } catch (IllegalArgumentException e) {
                    v.add("resources.memory", e.getMessage());
                }
            }
            if (r.resources().cpus() != null) {
                cpus = r.resources().cpus();
                v.check(cpus >= 0 && cpus <= 1024, "resources.cpus", "must be between 0 and 1024 cores");
            }
        }
        HealthCheck healthcheck = HealthCheckParser.parse(r.healthcheck(), v);
        constraints("constraints", r.constraints(), v);
        v.throwIfInvalid();
        return new ContainerSpec(r.name(), driver, r.image(), r.command(), r.args(), r.env(), ports, r.labels(),
                memory, cpus, r.restart(), r.workDir(), healthcheck);
    }

    /**
     * Checks placement constraints such as {@code zone==a}, adding an error per bad entry to {@code v} under
     * {@code field[i]}; the same words for containers and services.
     *
     * @return the constraints without surrounding blanks; empty for null
     */
    public static List<String> constraints(String field, List<String> texts, Validator v) {
        List<String> list = texts == null ? List.of() : texts;
        for (int i = 0; i < list.size(); i++) {
            String c = list.get(i);
            v.check(c != null && !c.isBlank(), field + "[" + i + "]", "is blank: write a constraint such as"
                    + " 'zone==a', or leave it out");
            if (c != null && !c.isBlank()) {
                constraint(c, field + "[" + i + "]", v);
            }
        }
        return list.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
    }

    /** Adds the scheduler's parse error of {@code text}, if any, to {@code v} under {@code field}. */
    public static void constraint(String text, String field, Validator v) {
        try {
            ConstraintParser.parse(text);
        } catch (ConstraintException e) {
            v.check(false, field, e.getMessage());
        }
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
