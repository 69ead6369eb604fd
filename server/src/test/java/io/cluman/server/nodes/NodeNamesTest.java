package io.cluman.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeNamesTest {
    @Test
    void hostNamesBecomeDnsLabels() {
        assertThat(NodeNames.pick("Web_01.example.COM", "n-abcdefghjk", List.<String>of()::contains)).isEqualTo("web-01-example-com");
        assertThat(NodeNames.pick("", "n-abcdefghjk", List.<String>of()::contains)).isEqualTo("n-abcdefghjk");
        assertThat(NodeNames.pick("___", "n-abcdefghjk", List.<String>of()::contains)).isEqualTo("node");
    }

    @Test
    void takenNamesGetASuffixOfTheNodeId() {
        assertThat(NodeNames.pick("web", "n-abcdefghjk", List.of("web")::contains)).isEqualTo("web-efghjk");
        String longName = "a".repeat(63);
        assertThat(NodeNames.pick(longName, "n-abcdefghjk", List.of(longName)::contains)).hasSize(63).endsWith("-efghjk");
    }
}
