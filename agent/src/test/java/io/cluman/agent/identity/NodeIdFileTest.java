package io.cluman.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdFileTest {
    @TempDir
    Path dir;

    @Test
    void isEmptyBeforeTheFirstJoin() {
        assertThat(new NodeIdFile(dir.resolve("not-yet")).read()).isEmpty();
    }

    @Test
    void reopenedFileKeepsTheId() {
        Path data = dir.resolve("data");
        new NodeIdFile(data).write("node-42");

        assertThat(new NodeIdFile(data).read()).contains("node-42");
        assertThat(data.resolve("node-id")).hasContent("node-42");
    }

    @Test
    void replacesTheIdAtomicallyAndLeavesNoTempFiles() throws IOException {
        NodeIdFile file = new NodeIdFile(dir);
        file.write("node-1");
        file.write("node-2");

        assertThat(new NodeIdFile(dir).read()).contains("node-2");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("node-id");
        }
    }

    @Test
    void refusesBlankIds() {
        assertThatThrownBy(() -> new NodeIdFile(dir).write(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
