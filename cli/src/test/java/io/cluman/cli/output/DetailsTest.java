package io.cluman.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailsTest {
    @Test
    void printsAlignedKeyValueLinesAndIndentedBlocks() {
        String text = new Details()
                .add("id", "n-1")
                .add("labels", Map.of("zone", "b", "disk", "ssd"))
                .add("cluster", null)
                .block("steps", List.of("n-1  SUCCEEDED", "n-2  RUNNING"))
                .block("disks", List.of())
                .render();

        assertThat(text).isEqualTo("""
                id:      n-1
                labels:  disk=ssd,zone=b
                cluster: -
                steps:
                  n-1  SUCCEEDED
                  n-2  RUNNING
                disks:   -
                """);
    }
}
