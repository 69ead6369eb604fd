package io.cluman.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {
    @ParameterizedTest
    @CsvSource({"80,80,80,tcp", "8080:80,8080,80,tcp", "53/udp,53,53,udp", "5353:53/UDP,5353,53,udp",
            "' 443/tcp ',443,443,tcp"})
    void parsesBarePortsMappingsAndProtocols(String text, int host, int container, String protocol) {
        assertThat(PortMapping.parse(text)).isEqualTo(new PortMapping(host, container, protocol));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http", "0", "70000", "1:2:3", "80/sctp", "a:80"})
    void rejectsWhatIsNoPort(String text) {
        assertThatThrownBy(() -> PortMapping.parse(text)).isInstanceOfSatisfying(DriverException.class,
                e -> assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC));
    }

    @Test
    void aListeningPortIsInUseAndAClosedOneFree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(0));
            port = socket.getLocalPort();
            PortMapping mapping = new PortMapping(port, port, "tcp");
            assertThat(mapping.hostPortFree()).isFalse();
            assertThatThrownBy(() -> PortMapping.requireFree(List.of(mapping), "task x"))
                    .isInstanceOfSatisfying(DriverException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DriverException.Reason.PORT_IN_USE);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("host port " + port + "/tcp of task x");
                    });
        }
        assertThat(new PortMapping(port, port, "tcp").hostPortFree()).isTrue();
    }
}
