package io.cluman.agent.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.agent.driver.DriverException;
import io.cluman.agent.driver.PortMapping;
import io.cluman.agent.driver.TaskLabels;
import io.cluman.agent.driver.TaskRequest;
import io.cluman.model.container.ContainerSpec;
import io.cluman.model.container.DriverName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerPlanTest {
    private static ContainerSpec spec(List<String> command, List<String> args, List<String> ports,
                                      Map<String, String> labels) {
        return new ContainerSpec("web", DriverName.DOCKER, "nginx:1", command, args, Map.of("A", "1",
                TaskLabels.ENV_ALLOC, "spoofed"), ports, labels, 128L << 20, 1.5, "always", "/srv");
    }

    private static ContainerPlan plan(ContainerSpec spec) {
        return ContainerPlan.of(new TaskRequest("a-1", "n-1", spec, null));
    }

    @Test
    void namesLabelsAndEnvironmentCarryTheAllocationWhateverTheSpecSays() {
        ContainerPlan plan = plan(spec(List.of(), List.of(), List.of("80"),
                Map.of("team", "blue", TaskLabels.NODE, "spoofed")));

        assertThat(plan.name()).isEqualTo("cluman-web-a-1");
        assertThat(plan.labels()).containsEntry("team", "blue").containsEntry(TaskLabels.ALLOC, "a-1")
                .containsEntry(TaskLabels.NODE, "n-1").containsEntry(TaskLabels.NAME, "web")
                .containsEntry(TaskLabels.PORTS, "80:80/tcp");
        assertThat(plan.env()).contains("A=1", "CLUMAN_ALLOC_ID=a-1", "CLUMAN_NODE_ID=n-1", "CLUMAN_TASK_NAME=web")
                .doesNotContain("CLUMAN_ALLOC_ID=spoofed");
        assertThat(plan.memory()).isEqualTo(128L << 20);
        assertThat(plan.nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(plan.workDir()).isEqualTo("/srv");
        assertThat(plan.network()).isEqualTo("host");
        assertThat(plan.ports()).containsExactly(new PortMapping(80, 80, "tcp"));
    }

    @Test
    void aCommandReplacesTheEntrypointAndArgsTheCmd() {
        assertThat(plan(spec(List.of("sh", "-c"), List.of("echo hi"), List.of(), Map.of())))
                .extracting(ContainerPlan::entrypoint, ContainerPlan::cmd)
                .containsExactly(List.of("sh", "-c"), List.of("echo hi"));
        assertThat(plan(spec(List.of(), List.of(), List.of(), Map.of())))
                .extracting(ContainerPlan::entrypoint, ContainerPlan::cmd).containsExactly(null, null);
    }

    @ParameterizedTest
    @CsvSource({"host,8080:80,cannot be mapped", "none,80,network none", "overlay,'',is not one of"})
    void portsMustFitTheNetwork(String network, String port, String complaint) {
        ContainerSpec spec = spec(List.of(), List.of(), port.isEmpty() ? List.of() : List.of(port),
                Map.of(TaskLabels.NETWORK, network));

        assertThatThrownBy(() -> plan(spec)).isInstanceOfSatisfying(DriverException.class, e -> {
            assertThat(e.reason()).isEqualTo(DriverException.Reason.INVALID_SPEC);
            assertThat(e.getMessage()).contains(complaint);
        });
    }

    @Test
    void aBridgeMapsPorts() {
        ContainerPlan plan = plan(spec(List.of(), List.of(), List.of("8080:80"), Map.of(TaskLabels.NETWORK, "bridge")));

        assertThat(plan.ports()).containsExactly(new PortMapping(8080, 80, "tcp"));
    }

    @Test
    void anImageIsNeeded() {
        ContainerSpec spec = new ContainerSpec("web", DriverName.DOCKER, "", List.of(), List.of(), Map.of(),
                List.of(), Map.of(), 0, 0, "no", "");

        assertThatThrownBy(() -> plan(spec)).hasMessageContaining("needs an image");
    }

    @ParameterizedTest
    @CsvSource({"busybox,busybox:latest", "busybox:1.36,busybox:1.36", "reg:5000/team/app,reg:5000/team/app:latest",
            "reg:5000/app:2,reg:5000/app:2", "app@sha256:abc,app@sha256:abc"})
    void pullsNameATag(String image, String pulled) {
        assertThat(ImagePuller.withTag(image)).isEqualTo(pulled);
    }

    @Test
    void engineMessagesAreTakenFromTheirJson() {
        var e = new com.github.dockerjava.api.exception.NotFoundException(
                "Status 404: {\"message\":\"No such container: abc\"}\n");

        assertThat(DockerErrors.engineMessage(e)).isEqualTo("No such container: abc");
        assertThat(DockerErrors.map(e, "inspecting x").reason()).isEqualTo(DriverException.Reason.NOT_FOUND);
    }
}
