package io.cluman.cli.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.validation.Validator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {
    @Test
    void theBaseIsTheImagesOrProgramsNameAsADnsLabel() {
        assertThat(ContainerNames.base("nginx")).isEqualTo("nginx");
        assertThat(ContainerNames.base("nginx:1.27")).isEqualTo("nginx");
        assertThat(ContainerNames.base("docker.io/library/redis:7-alpine")).isEqualTo("redis");
        assertThat(ContainerNames.base("localhost:5000/team/My_App.v2@sha256:abc")).isEqualTo("my-app-v2");
        assertThat(ContainerNames.base("/usr/bin/python3")).isEqualTo("python3");
        assertThat(ContainerNames.base("./run.sh")).isEqualTo("run-sh");
        assertThat(ContainerNames.base("C:\\tools\\job.exe")).isEqualTo("job-exe");
        assertThat(ContainerNames.base("__")).isEqualTo("container");
        assertThat(ContainerNames.base("")).isEqualTo("container");
    }

    @Test
    void aLongBaseIsCutSoThatTheNameStaysALabel() {
        String name = ContainerNames.derive("a".repeat(56) + "-" + "b".repeat(20), new Random(1));

        assertThat(name).hasSize(62).matches("a{56}-[a-z0-9]{5}");
        assertThat(Validator.isDnsLabel(name)).isTrue();
    }

    @Test
    void theSuffixIsRandom() {
        assertThat(ContainerNames.derive("nginx")).matches("nginx-[a-z0-9]{5}")
                .isNotEqualTo(ContainerNames.derive("nginx"));
    }
}
