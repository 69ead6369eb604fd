package io.cluman.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.agent.RegistryLogin;
import io.cluman.model.api.RegistryRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryAddressTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "127.0.0.1:5000, 127.0.0.1:5000",
        "http://127.0.0.1:5000, 127.0.0.1:5000",
        "https://Registry.Example.com/, registry.example.com",
        "registry.example.com:443, registry.example.com:443",
        "localhost:5000, localhost:5000",
        "docker.io, docker.io",
        "https://index.docker.io, docker.io",
        "registry-1.docker.io, docker.io"})
    void readsHostAndPort(String address, String host) {
        assertThat(RegistryAddress.host(address)).contains(host);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "ftp://host", "http://host/path", "https://user@host", "host:0", "host:65536",
        "host:port", "host?x=1", "-host", "host..com", "http://", "a b"})
    void refusesWhatIsNotHostAndPort(String address) {
        assertThat(RegistryAddress.host(address)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is on {1}")
    @CsvSource({
        "busybox, docker.io",
        "busybox:1.36, docker.io",
        "library/busybox, docker.io",
        "someone/app:1, docker.io",
        "docker.io/library/busybox, docker.io",
        "index.docker.io/someone/app, docker.io",
        "127.0.0.1:5000/app:1, 127.0.0.1:5000",
        "localhost/app, localhost",
        "Registry.Example.com/team/app@sha256:abc, registry.example.com"})
    void findsTheRegistryOfAnImage(String image, String host) {
        assertThat(RegistryAddress.ofImage(image)).isEqualTo(host);
    }

    @Test
    void passwordsNeverShowInToString() {
        assertThat(new RegistryRequest("local", "127.0.0.1:5000", "ci", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new RegistryLogin("local", "127.0.0.1:5000", "ci", "s3cret").toString()).doesNotContain("s3cret");
        Registry stored = new Registry("local", "127.0.0.1:5000", "127.0.0.1:5000", "ci", "v1:ab:SEALED", Instant.EPOCH,
                1);
        assertThat(stored.toString()).doesNotContain("SEALED").contains("ci");
    }
}
