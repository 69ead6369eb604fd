package io.cluman.model.node;

import java.util.List;

/**
 * What a node is, as its agent reports it: these change rarely, and a change is written to the store.
 *
 * @param drivers    names of the drivers available on the node ({@code process}, {@code docker})
 * @param apiAddress where the server reaches the agent's local API ({@code host:port}); empty when the
 *                   agent has none (agents older than the local API send no such field)
 */
public record NodeFacts(String hostname, List<String> addresses, int cpus, long memoryBytes, List<Disk> disks,
                        String os, String agentVersion, List<String> drivers, String apiAddress) {
    public NodeFacts {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        disks = disks == null ? List.of() : List.copyOf(disks);
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        hostname = hostname == null ? "" : hostname;
        os = os == null ? "" : os;
        agentVersion = agentVersion == null ? "" : agentVersion;
        apiAddress = apiAddress == null ? "" : apiAddress;
    }

    /** Facts without a local API address, as agents reported them before the local API. */
    public NodeFacts(String hostname, List<String> addresses, int cpus, long memoryBytes, List<Disk> disks,
                     String os, String agentVersion, List<String> drivers) {
        this(hostname, addresses, cpus, memoryBytes, disks, os, agentVersion, drivers, "");
    }

    public static NodeFacts unknown() {
        return new NodeFacts("", List.of(), 0, 0, List.of(), "", "", List.of());
    }

    /** These facts with the local API at {@code address} ({@code host:port}, or empty for none). */
    public NodeFacts withApiAddress(String address) {
        return new NodeFacts(hostname, addresses, cpus, memoryBytes, disks, os, agentVersion, drivers, address);
    }

    /** The first address, or the hostname when the node reported none. */
    public String primaryAddress() {
        return addresses.isEmpty() ? hostname : addresses.get(0);
    }
}
