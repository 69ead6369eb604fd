package io.cluman.model.node;

import java.util.List;

/**
 * What a node is, as its agent reports it: these change rarely, and a change is written to the store.
 *
 * @param drivers names of the drivers available on the node ({@code process}, {@code docker})
 */
public record NodeFacts(String hostname, List<String> addresses, int cpus, long memoryBytes, List<Disk> disks,
                        String os, String agentVersion, List<String> drivers) {
    public NodeFacts {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        disks = disks == null ? List.of() : List.copyOf(disks);
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        hostname = hostname == null ? "" : hostname;
        os = os == null ? "" : os;
        agentVersion = agentVersion == null ? "" : agentVersion;
    }

    public static NodeFacts unknown() {
        return new NodeFacts("", List.of(), 0, 0, List.of(), "", "", List.of());
    }

    /** The first address, or the hostname when the node reported none. */
    public String primaryAddress() {
        return addresses.isEmpty() ? hostname : addresses.get(0);
    }
}
