package io.cluman.agent.driver.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void rotationKeepsTheNewestCopiesAndEmptiesTheLog() throws Exception {
        Path log = dir.resolve("stdout.log");
        for (int round = 1; round <= 4; round++) {
            Files.writeString(log, "round " + round + "\n" + "x".repeat(20) + "\n");
            LogFiles.rotateIfLarger(log, 10, 2);
        }

        assertThat(log).hasContent("");
        assertThat(LogFiles.rotated(log, 1)).content().startsWith("round 4");
        assertThat(LogFiles.rotated(log, 2)).content().startsWith("round 3");
        assertThat(LogFiles.rotated(log, 3)).doesNotExist();
    }

    @Test
    void aSmallLogIsLeftAlone() throws Exception {
        Path log = dir.resolve("stdout.log");
        Files.writeString(log, "short\n");

        LogFiles.rotateIfLarger(log, 100, 3);

        assertThat(log).hasContent("short");
        assertThat(LogFiles.rotated(log, 1)).doesNotExist();
    }

    @Test
    void tailReadsAcrossRotatedCopiesOldestFirst() throws Exception {
        Path log = dir.resolve("stdout.log");
        Files.writeString(LogFiles.rotated(log, 2), "a\nb\n");
        Files.writeString(LogFiles.rotated(log, 1), "c\nd\n");
        Files.writeString(log, "e\nunfinished");

        List<String> last = new ArrayList<>();
        long offset = LogFiles.tail(log, 3, 3, last::add, false);
        List<String> all = new ArrayList<>();
        LogFiles.tail(log, 3, -1, all::add, true);

        assertThat(last).containsExactly("c", "d", "e");
        assertThat(offset).isEqualTo(2);
        assertThat(all).containsExactly("a", "b", "c", "d", "e", "unfinished");
    }
}
