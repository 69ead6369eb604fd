package io.cluman.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host ports a container's port mappings take ({@code [host:]container[/tcp|udp]}; a bare port takes the
 * same port on the host). The server validates mappings before they reach a container; one that still does not
 * parse takes no port here. TCP and UDP are not told apart: a port is taken whichever protocol holds it.
 */
public final class HostPorts {
    private static final Pattern MAPPING = Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,5})(?:/(?:tcp|udp))?");

    private HostPorts() {
    }

    /** The host port of each mapping of {@code mappings} that parses, in order. */
    public static List<Integer> of(List<String> mappings) {
        List<Integer> ports = new ArrayList<>();
        for (String mapping : mappings) {
            Matcher m = MAPPING.matcher(mapping.strip());
            if (m.matches()) {
                ports.add(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        }
        return ports;
    }
}
