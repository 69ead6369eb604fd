package io.cluman.server.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a service's {@code ports} into Cluman's {@code host:container[/udp]} mappings. Short syntax:
 * {@code "80"}, {@code "8080:80"}, {@code "127.0.0.1:8080:80/udp"}, {@code "[::1]:8080:80"}, ranges
 * {@code "8000-8002:9000-9002"} (one mapping per port); long syntax: {@code {target, published,
 * protocol, host_ip, mode}}. Cluman has no ephemeral host ports and publishes on every address of the node:
 * a port without a host side is published on the same number, and a host address is dropped, each with a
 * warning.
 */
final class PortMapper {
    /** At most this many ports from one range entry. */
    static final int MAX_RANGE = 1000;
    private static final Pattern SHORT = Pattern.compile(
            "(?:(\\[[0-9a-fA-F:.]+]|\\d{1,3}(?:\\.\\d{1,3}){3}):)?(?:(\\d+(?:-\\d+)?)?:)?(\\d+(?:-\\d+)?)(?:/(\\w+))?");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");
    private static final Set<String> ALL_ADDRESSES = Set.of("", "0.0.0.0", "[::]", "::");
    private static final Set<String> LONG_KEYS = Set.of("target", "published", "protocol", "host_ip", "mode");
    private static final String HINT = "use [host_ip:][host:]container[/tcp|udp], e.g. 8080:80 or 53:53/udp";

    private final Values values;

    PortMapper(Values values) {
        this.values = values;
    }

    /** The mappings of one {@code ports} entry at {@code path}; empty (and errors) when it is invalid. */
    List<String> map(Object entry, String path) {
        if (entry instanceof Map<?, ?>) {
            return longSyntax(values.map(entry, path), path);
        }
        String text = values.text(entry, path);
        if (text == null) {
            values.findings().error(path, "is empty: " + HINT);
            return List.of();
        }
        Matcher m = SHORT.matcher(text.strip());
        if (!m.matches()) {
            values.findings().error(path, "'" + text + "' is not a port mapping: " + HINT);
            return List.of();
        }
        return mappings(m.group(1), m.group(2), m.group(3), m.group(4), path);
    }

    private List<String> longSyntax(Map<String, Object> port, String path) {
        values.warnUnsupported(port, path, LONG_KEYS, Map.of());
        String mode = values.text(port.get("mode"), Paths.child(path, "mode"));
        if ("ingress".equals(mode)) {
            values.findings().warn(Paths.child(path, "mode"), "Cluman has no routing mesh: the port is published on"
                    + " each node that runs a replica (host mode)");
        }
        String target = values.text(port.get("target"), Paths.child(path, "target"));
        if (target == null) {
            values.findings().error(Paths.child(path, "target"), "is required: the container port, e.g. 80");
            return List.of();
        }
        return mappings(values.text(port.get("host_ip"), Paths.child(path, "host_ip")),
                values.text(port.get("published"), Paths.child(path, "published")), target,
                values.text(port.get("protocol"), Paths.child(path, "protocol")), path);
    }

    private List<String> mappings(String hostIp, String published, String target, String protocol, String path) {
        String proto = protocol == null ? "tcp" : protocol.toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            values.findings().error(path, "protocol '" + protocol + "' is not supported: use tcp or udp");
            return List.of();
        }
        int[] containerPorts = range(target, path);
        int[] hostPorts = published == null || published.isBlank() ? containerPorts : range(published, path);
        if (containerPorts.length == 0 || hostPorts.length == 0) {
            return List.of();
        }
        if (hostPorts.length != containerPorts.length) {
            values.findings().error(path, "the host range " + published + " and the container range " + target
                    + " differ in length");
            return List.of();
        }
        if (published == null || published.isBlank()) {
            values.findings().warn(path, "no host port: published on the same port " + target
                    + " (Cluman has no ephemeral host ports)");
        }
        if (hostIp != null && !ALL_ADDRESSES.contains(hostIp.strip())) {
            values.findings().warn(path, "host address " + hostIp + " dropped: Cluman publishes on every address of"
                    + " the node");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < containerPorts.length; i++) {
            out.add(hostPorts[i] + ":" + containerPorts[i] + (proto.equals("udp") ? "/udp" : ""));
        }
        return out;
    }

    /** The ports of {@code 80} or {@code 8000-8002}; empty (and an error) when invalid. */
    private int[] range(String text, String path) {
        Matcher m = RANGE.matcher(text.strip());
        if (!m.matches()) {
            values.findings().error(path, "'" + text + "' is not a port or a range of ports: " + HINT);
            return new int[0];
        }
        int first = port(m.group(1));
        int last = m.group(2) == null ? first : port(m.group(2));
        if (first < 1 || last < 1 || last < first || last - first >= MAX_RANGE) {
            values.findings().error(path, "'" + text + "' is not a port (1-65535) or a range of at most "
                    + MAX_RANGE + " ports");
            return new int[0];
        }
        int[] ports = new int[last - first + 1];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = first + i;
        }
        return ports;
    }

    /** The port {@code digits} names, or -1 when it is out of 1-65535. */
    private static int port(String digits) {
        return digits.length() > 5 || Integer.parseInt(digits) > 65535 ? -1 : Integer.parseInt(digits);
    }
}
