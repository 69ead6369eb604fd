package io.cluman.server.containers;

import io.cluman.model.api.ContainerRequest;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import io.cluman.model.container.HealthCheck;
import io.cluman.model.validation.Sizes;
import io.cluman.model.validation.Validator;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a container request field by field and turns it into a {@link ContainerSpec}. Pure. */
final class SpecBuilder {
    private static final Pattern PORT = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(tcp|udp))?");
    private static final Pattern RESTART = Pattern.compile("no|always|on-failure(?::(\\d{1,4}))?");

    private SpecBuilder() {
    }

    static ContainerSpec build(ContainerRequest r) {
        Validator v = new Validator().dnsLabel("name", r.name()).labels("labels", r.labels());
        DriverName driver = r.driver() == null ? DriverName.DOCKER : r.driver();
        if (driver == DriverName.DOCKER) {
            v.check(r.image() != null && !r.image().isBlank(), "image", "is required for the docker driver");
        } else {
            v.check(!isEmpty(r.command()) || !isEmpty(r.args()), "command",
                    "is required for the process driver: the program to run, e.g. [\"/bin/sleep\", \"60\"]");
        }
        v.check(r.node() == null || r.cluster() == null, "node", "give a node or a cluster, not both");
        v.check(r.restart() == null || RESTART.matcher(r.restart()).matches(), "restart",
                "'" + r.restart() + "' is not a restart policy: use no, always, on-failure or on-failure:N");
        if (r.env() != null) {
            r.env().forEach((k, val) -> v.check(k != null && !k.isBlank() && !k.contains("="), "env",
                    "variable name '" + k + "' is invalid"));
        }
        List<String> ports = r.ports() == null ? List.of() : r.ports();
        for (int i = 0; i < ports.size(); i++) {
            v.check(validPort(ports.get(i)), "ports[" + i + "]",
                    "'" + ports.get(i) + "' is not a port mapping: use host:container, e.g. 8080:80, or a port");
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
        v.throwIfInvalid();
        return new ContainerSpec(r.name(), driver, r.image(), r.command(), r.args(), r.env(), ports, r.labels(),
                memory, cpus, r.restart(), r.workDir(), healthcheck);
    }

    /** The host ports a spec takes on its node (the container port when no host port is given). */
    static List<Integer> hostPorts(ContainerSpec spec) {
        return spec.ports().stream().map(p -> {
            var m = PORT.matcher(p);
            m.matches();
            return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        }).toList();
    }

    private static boolean validPort(String text) {
        if (text == null) {
            return false;
        }
        var m = PORT.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int container = Integer.parseInt(m.group(2));
        int host = m.group(1) == null ? container : Integer.parseInt(m.group(1));
        return container >= 1 && container <= 65535 && host >= 1 && host <= 65535;
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
