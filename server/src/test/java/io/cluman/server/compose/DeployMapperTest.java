package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployMapperTest {
    private final Findings findings = new Findings();
    private final DeployMapper mapper = new DeployMapper(new Values(findings));
    private final ConstraintMapper constraints = new ConstraintMapper(findings);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "node.labels.zone==a|zone=a",
            "node.labels.zone == a|zone=a",
            "node.labels.zone!=a|zone!=a",
            "node.labels.team/app==web|team/app=web",
            "node.hostname==web-1|node.name=web-1",
            "node.hostname != build-01|node.name!=build-01",
            "node.id==2ivku8v2gvtg|node.id=2ivku8v2gvtg"})
    void mapsConstraints(String swarm, String cluman) {
        assertThat(constraints.map(swarm, "c")).isEqualTo(cluman);
        assertThat(findings.hasErrors()).isFalse();
    }

    @Test
    void ignoresRoleAndPlatformConstraintsWithAWarningAndRefusesUnknownOnes() {
        assertThat(constraints.map("node.role==manager", "a")).isNull();
        assertThat(constraints.map("node.platform.os==linux", "b")).isNull();
        assertThat(constraints.map("engine.labels.ssd==true", "c")).isNull();
        assertThat(findings.warnings()).extracting(ComposeWarning::path).containsExactly("a", "b", "c");
        assertThat(findings.hasErrors()).isFalse();
        assertThat(constraints.map("node.labels.zone=a", "d")).as("a single =").isNull();
        assertThat(constraints.map("node.ip==10.0.0.1", "e")).isNull();
        assertThat(findings.hasErrors()).isTrue();
    }

    @Test
    void defaultsToOneReplicaWithoutLimitsNorConstraints() {
        assertThat(mapper.map(Map.of("image", "a"), "s")).isEqualTo(new DeploySettings(1, 0, 0, List.of(), null, null));
    }

    @Test
    void deployWinsOverTheOlderServiceKeys() {
        Map<String, Object> service = Map.of("scale", "4", "cpus", "1.5", "mem_limit", "1g", "deploy", Map.of(
                "replicas", "2", "resources", Map.of("limits", Map.of("cpus", "0.5", "memory", "256M"))));
        DeploySettings settings = mapper.map(service, "s");
        assertThat(settings.replicas()).isEqualTo(2);
        assertThat(settings.cpus()).isEqualTo(0.5);
        assertThat(settings.memory()).isEqualTo(256L << 20);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"none||no", "on-failure||on-failure", "on-failure|3|on-failure:3",
            "any||always", "||always"})
    void mapsRestartPolicies(String condition, String attempts, String restart) {
        Map<String, Object> policy = new java.util.HashMap<>();
        if (condition != null) {
            policy.put("condition", condition);
        }
        if (attempts != null) {
            policy.put("max_attempts", attempts);
        }
        assertThat(mapper.map(Map.of("deploy", Map.of("restart_policy", policy)), "s").restart()).isEqualTo(restart);
    }

    @Test
    void refusesBadLimitsAndWarnsAboutGlobalMode() {
        mapper.map(Map.of("deploy", Map.of("mode", "global", "resources", Map.of("limits", Map.of("cpus", "lots",
                "memory", "1K", "pids", "100")), "restart_policy", Map.of("condition", "sometimes"))), "s");
        assertThat(findings.warnings()).extracting(ComposeWarning::path).containsExactly("s.deploy.mode",
                "s.deploy.resources.limits.pids");
        assertThat(findings.hasErrors()).isTrue();
    }
}
