package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortMapperTest {
    private final Findings findings = new Findings();
    private final PortMapper mapper = new PortMapper(new Values(findings));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "8080:80|8080:80",
            "8080:80/tcp|8080:80",
            "53:53/udp|53:53/udp",
            "53:53/UDP|53:53/udp",
            "0.0.0.0:8080:80|8080:80",
            "8000-8001:9000-9001|8000:9000,8001:9001",
            "22:22|22:22"})
    void mapsShortSyntax(String entry, String expected) {
        assertThat(mapper.map(entry, "p")).isEqualTo(List.of(expected.split(",")));
        assertThat(findings.warnings()).isEmpty();
        assertThat(findings.hasErrors()).isFalse();
    }

    @Test
    void aBarePortIsPublishedOnTheSameNumberWithAWarning() {
        assertThat(mapper.map("80", "services.web.ports[0]")).containsExactly("80:80");
        assertThat(findings.warnings()).singleElement().extracting(ComposeWarning::message).asString()
                .contains("same port 80");
    }

    @Test
    void aHostAddressIsDroppedWithAWarning() {
        assertThat(mapper.map("127.0.0.1:8080:80/udp", "p")).containsExactly("8080:80/udp");
        assertThat(mapper.map("[::1]:9000:9000", "q")).containsExactly("9000:9000");
        assertThat(findings.warnings()).extracting(ComposeWarning::message).containsExactly(
                "host address 127.0.0.1 dropped: Cluman publishes on every address of the node",
                "host address [::1] dropped: Cluman publishes on every address of the node");
    }

    @Test
    void mapsLongSyntax() {
        assertThat(mapper.map(Map.of("target", "80", "published", "8080", "protocol", "tcp", "mode", "host"), "p"))
                .containsExactly("8080:80");
        assertThat(mapper.map(Map.of("target", "8125", "published", "8125", "protocol", "udp"), "p"))
                .containsExactly("8125:8125/udp");
        assertThat(mapper.map(Map.of("target", "80", "published", "8000-8001"), "p")).as("range length differs")
                .isEmpty();
        assertThat(findings.hasErrors()).isTrue();
    }

    @Test
    void longSyntaxNeedsATargetAndWarnsAboutIngressAndUnknownKeys() {
        assertThat(mapper.map(Map.of("published", "80"), "p")).isEmpty();
        assertThat(mapper.map(Map.of("target", "80", "published", "80", "mode", "ingress", "name", "web"), "q"))
                .containsExactly("80:80");
        assertThat(findings.warnings()).extracting(ComposeWarning::path).containsExactlyInAnyOrder("q.name", "q.mode");
        assertThat(findings.hasErrors()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "80:80:80:80", "0:80", "65536:80", "80-79:80-79", "80/sctp", "1-2000:1-2000",
            "8080:", ""})
    void refusesInvalidMappings(String entry) {
        assertThat(mapper.map(entry, "p")).isEmpty();
        assertThat(findings.hasErrors()).isTrue();
    }
}
