package io.cluman.agent.driver.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory and CPU limits of process tasks through cgroups, where the agent may write them. One cgroup
 * per task, under a {@code cluman} parent:
 *
 * <ul>
 *   <li>cgroup v2 (a {@code cgroup2} mount at the root, {@code cgroup.controllers} present):
 *       {@code <root>/cluman/<alloc>/} with {@code memory.max} and {@code cpu.max};</li>
 *   <li>cgroup v1: {@code <root>/memory/cluman/<alloc>/memory.limit_in_bytes} and
 *       {@code <root>/cpu/cluman/<alloc>/cpu.cfs_quota_us};</li>
 *   <li>neither writable (no root, read-only mount, no controller): the task runs without limits and its
 *       record says why. Never a failure.</li>
 * </ul>
 *
 * The task's shell moves itself into the cgroups (writes its pid to each {@code cgroup.procs}) before it
 * execs the command, so every process of the task is inside from its first instruction.
 */
final class CgroupLimits {
    static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");
    private static final Logger LOG = LoggerFactory.getLogger(CgroupLimits.class);
    private static final long CPU_PERIOD_US = 100_000;
    private static final String PARENT = "cluman";

    /** What was set up: the cgroup dirs (empty when none), whether limits hold, and how or why not. */
    record Applied(List<Path> dirs, boolean enforced, String detail) {
        Applied {
            dirs = List.copyOf(dirs);
        }

        /** The {@code cgroup.procs} files the task joins. */
        List<Path> procsFiles() {
            return dirs.stream().map(d -> d.resolve("cgroup.procs")).toList();
        }
    }

    private final Path root;

    CgroupLimits(Path root) {
        this.root = root;
    }

    /** Makes the task's cgroups with the limits; no cgroup when neither limit is asked for. */
    Applied apply(String allocId, long memoryBytes, double cpus) {
        if (memoryBytes <= 0 && cpus <= 0) {
            return new Applied(List.of(), true, "no limits asked for");
        }
        List<Path> made = new ArrayList<>();
        try {
            if (Files.exists(root.resolve("cgroup.controllers"))) {
                applyV2(allocId, memoryBytes, cpus, made);
                return new Applied(made, true, "cgroup v2 " + made.get(0));
            }
            if (Files.isDirectory(root.resolve("memory")) || Files.isDirectory(root.resolve("cpu"))) {
                applyV1(allocId, memoryBytes, cpus, made);
                return new Applied(made, true, "cgroup v1 " + made);
            }
            return new Applied(List.of(), false, "limits not enforced: no cgroup hierarchy at " + root);
        } catch (IOException | RuntimeException e) {
            remove(made);
            String why = "limits not enforced: cannot set up a cgroup under " + root + ": " + e;
            LOG.warn("task {}: {}", allocId, why);
            return new Applied(List.of(), false, why);
        }
    }

    private void applyV2(String allocId, long memoryBytes, double cpus, List<Path> made) throws IOException {
        Path parent = root.resolve(PARENT);
        Files.createDirectories(parent);
        String controllers = Files.readString(root.resolve("cgroup.controllers"));
        StringBuilder enable = new StringBuilder();
        if (memoryBytes > 0) {
            require(controllers.contains("memory"), "the memory controller is not available");
            enable.append("+memory ");
        }
        if (cpus > 0) {
            require(controllers.contains("cpu"), "the cpu controller is not available");
            enable.append("+cpu ");
        }
        bestEffort(root.resolve("cgroup.subtree_control"), enable.toString().strip());
        Files.writeString(parent.resolve("cgroup.subtree_control"), enable.toString().strip());
        Path dir = Files.createDirectories(parent.resolve(allocId));
        made.add(dir);
        if (memoryBytes > 0) {
            Files.writeString(dir.resolve("memory.max"), Long.toString(memoryBytes));
            bestEffort(dir.resolve("memory.swap.max"), "0");
        }
        if (cpus > 0) {
            Files.writeString(dir.resolve("cpu.max"), quota(cpus) + " " + CPU_PERIOD_US);
        }
    }

    private void applyV1(String allocId, long memoryBytes, double cpus, List<Path> made) throws IOException {
        if (memoryBytes > 0) {
            Path dir = Files.createDirectories(root.resolve("memory").resolve(PARENT).resolve(allocId));
            made.add(dir);
            Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
        }
        if (cpus > 0) {
            Path dir = Files.createDirectories(root.resolve("cpu").resolve(PARENT).resolve(allocId));
            made.add(dir);
            Files.writeString(dir.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_US));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), Long.toString(quota(cpus)));
        }
    }

    /** Writes what may be set already or may not exist (swap accounting off): a failure is no failure. */
    private static void bestEffort(Path file, String value) {
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            LOG.debug("could not write {} to {}: {}", value, file, e.toString());
        }
    }

    private static long quota(double cpus) {
        return Math.max(1000, Math.round(cpus * CPU_PERIOD_US));
    }

    private static void require(boolean ok, String why) throws IOException {
        if (!ok) {
            throw new IOException(why);
        }
    }

    /** The pids in the task's cgroups now. */
    static List<Long> pids(List<Path> dirs) {
        List<Long> pids = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                    if (!line.isBlank() && !pids.contains(Long.parseLong(line.strip()))) {
                        pids.add(Long.parseLong(line.strip()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // gone or unreadable: no pids from it
            }
        }
        return pids;
    }

    /** The memory the cgroup charges to the task (v2 {@code memory.current}, v1 {@code usage_in_bytes}). */
    static Optional<Long> memoryUsed(List<Path> dirs) {
        for (Path dir : dirs) {
            for (String file : List.of("memory.current", "memory.usage_in_bytes")) {
                try {
                    return Optional.of(Long.parseLong(Files.readString(dir.resolve(file)).strip()));
                } catch (IOException | NumberFormatException e) {
                    // not this version's file
                }
            }
        }
        return Optional.empty();
    }

    /** Removes the cgroup dirs (they must hold no process any more); logs what it cannot remove. */
    static void remove(List<Path> dirs) {
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.warn("cannot remove cgroup {}: {}", dir, e.toString());
            }
        }
    }
}
