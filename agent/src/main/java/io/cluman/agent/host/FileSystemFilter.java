package io.cluman.agent.host;

import java.util.Locale;
import java.util.Set;

/**
 * Tells real file systems (disks worth reporting) from pseudo ones: kernel views, memory-backed
 * mounts, read-only images and network mounts of another machine's disk.
 */
final class FileSystemFilter {
    private static final Set<String> PSEUDO = Set.of(
            "proc", "sysfs", "devtmpfs", "devpts", "tmpfs", "ramfs", "cgroup", "cgroup2", "cgroupfs",
            "securityfs", "pstore", "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs",
            "bpf", "binfmt_misc", "autofs", "nsfs", "rpc_pipefs", "efivarfs", "selinuxfs", "squashfs",
            "iso9660", "overlay-lower", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal", "nfsd", "none",
            "devfs", "procfs", "linprocfs", "fdescfs", "nullfs", "kernfs");

    private FileSystemFilter() {
    }

    /** Whether a file system of {@code type} with {@code totalBytes} is a real one. */
    static boolean isReal(String type, long totalBytes) {
        return totalBytes > 0 && type != null && !PSEUDO.contains(type.toLowerCase(Locale.ROOT));
    }
}
