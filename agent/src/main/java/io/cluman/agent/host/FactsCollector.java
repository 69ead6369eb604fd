package io.cluman.agent.host;

import io.cluman.model.node.Disk;
import io.cluman.model.node.NodeFacts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Reads the node's facts from OSHI. Each call reads afresh (facts change rarely, callers cache).
 * Thread-safe: holds no state of its own beyond the shared {@link SystemInfo}.
 */
public final class FactsCollector {
    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;
    private final String agentVersion;

    public FactsCollector(SystemInfo system) {
        this(system, AgentVersion.current());
    }

    public FactsCollector(SystemInfo system, String agentVersion) {
        this.hardware = system.getHardware();
        this.os = system.getOperatingSystem();
        this.agentVersion = agentVersion;
    }

    /** The facts, listing {@code drivers} as the node's available drivers. */
    public NodeFacts collect(List<String> drivers) {
        return new NodeFacts(hostname(), NetworkAddresses.ofThisHost(),
                hardware.getProcessor().getLogicalProcessorCount(), hardware.getMemory().getTotal(), disks(),
                osText(), agentVersion, drivers);
    }

    /** The address others most likely reach this host at: its first address, else its name. */
    public String primaryAddress() {
        List<String> addresses = NetworkAddresses.ofThisHost();
        return addresses.isEmpty() ? hostname() : addresses.get(0);
    }

    /** The host's name: the kernel's, else the resolver's, else {@code localhost}. */
    public String hostname() {
        String name = os.getNetworkParams().getHostName();
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private List<Disk> disks() {
        List<Disk> disks = new ArrayList<>();
        Set<String> mounts = new HashSet<>();
        for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
            String mount = store.getMount();
            // bind mounts of single files (a container's /etc/hosts) look like disks; only directories count
            if (FileSystemFilter.isReal(store.getType(), store.getTotalSpace()) && mount != null
                    && Files.isDirectory(Path.of(mount)) && mounts.add(mount)) {
                disks.add(new Disk(mount, store.getTotalSpace()));
            }
        }
        return disks;
    }

    private String osText() {
        String version = os.getVersionInfo().getVersion();
        return version == null || version.isBlank() || "unknown".equalsIgnoreCase(version)
                ? os.getFamily() : os.getFamily() + " " + version;
    }
}
