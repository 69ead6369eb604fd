package io.cluman.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdvertisedAddressTest {
    @ParameterizedTest(name = "bind {0}, port {1}, advertise {2} -> {3}")
    @CsvSource({
        "127.0.0.1, 0, , 127.0.0.1:4321",
        "0.0.0.0, 8762, , 10.0.0.7:4321",
        "::, 8762, , 10.0.0.7:4321",
        "::1, 8762, , [::1]:4321",
        "0.0.0.0, 8762, node-1.example, node-1.example:4321",
        "0.0.0.0, 8762, 203.0.113.9:18762, 203.0.113.9:18762",
        "0.0.0.0, 8762, [2001:db8::1], [2001:db8::1]:4321",
        "0.0.0.0, 8762, [2001:db8::1]:9000, [2001:db8::1]:9000",
    })
    void theServerIsToldAnAddressItCanCall(String bind, int port, String advertise, String expected) {
        assertThat(AdvertisedAddress.of(new LocalApiConfig(bind, port, advertise), 4321, () -> "10.0.0.7"))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"a b", "host:0", "host:65536", "host:", "http://host:1", "[::1"})
    void refusesWhatIsNotHostOrHostPort(String advertise) {
        assertThatThrownBy(() -> new LocalApiConfig("0.0.0.0", 8762, advertise))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("advertise")));
    }

    @Test
    void refusesPortsOutsideTcp() {
        assertThatThrownBy(() -> new LocalApiConfig("127.0.0.1", 65536, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("apiPort"));
    }
}
