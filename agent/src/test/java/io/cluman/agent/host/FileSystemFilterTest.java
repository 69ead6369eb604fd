package io.cluman.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileSystemFilterTest {
    @Test
    void tellsRealFileSystemsFromPseudoOnes() {
        assertThat(FileSystemFilter.isReal("ext4", 100)).isTrue();
        assertThat(FileSystemFilter.isReal("xfs", 100)).isTrue();
        assertThat(FileSystemFilter.isReal("tmpfs", 100)).isFalse();
        assertThat(FileSystemFilter.isReal("proc", 100)).isFalse();
        assertThat(FileSystemFilter.isReal("cgroup2", 100)).isFalse();
        assertThat(FileSystemFilter.isReal("ext4", 0)).isFalse();
    }
}
