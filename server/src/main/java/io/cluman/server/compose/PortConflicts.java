package io.cluman.server.compose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds host ports that two services publish with the same protocol: their replicas could never share a
 * node, and docker compose would fail on one host, so Cluman refuses the file. A service that publishes a
 * port twice is caught too.
 */
final class PortConflicts {
    private PortConflicts() {
    }

    /** Reports each host port/protocol published more than once, at the later service's {@code ports}. */
    static void check(List<ComposeService> services, Findings findings) {
        Map<String, String> owners = new HashMap<>();
        for (ComposeService s : services) {
            for (String mapping : s.ports()) {
                String key = hostSide(mapping);
                String owner = owners.putIfAbsent(key, s.name());
                if (owner != null) {
                    findings.error("services." + s.name() + ".ports", "host port " + key + " is already published"
                            + " by " + (owner.equals(s.name()) ? "this service" : "service " + owner));
                }
            }
        }
    }

    /** {@code 8080/tcp} for {@code 8080:80}; {@code 53/udp} for {@code 53:53/udp}. */
    private static String hostSide(String mapping) {
        int slash = mapping.indexOf('/');
        String protocol = slash < 0 ? "tcp" : mapping.substring(slash + 1);
        return mapping.substring(0, mapping.indexOf(':')) + "/" + protocol;
    }
}
