package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.api.HealthCheckRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckMapperTest {
    private final Findings findings = new Findings();
    private final HealthCheckMapper mapper = new HealthCheckMapper(new Values(findings));

    private HealthCheckRequest map(Map<String, Object> healthcheck) {
        return mapper.map(healthcheck, "h");
    }

    @Test
    void cmdRunsTheProgramWithItsArguments() {
        assertThat(map(Map.of("test", List.of("CMD", "pg_isready", "-U", "app"), "interval", "1m30s",
                "timeout", "1.5s", "retries", "5", "start_period", "40s")))
                .isEqualTo(new HealthCheckRequest("command", List.of("pg_isready", "-U", "app"), null, null, "1m30s",
                        "1s500ms", 5, "40s"));
    }

    @Test
    void cmdShellAndAPlainStringAreOneShellLine() {
        assertThat(map(Map.of("test", List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"))).command())
                .containsExactly("curl -f http://localhost/ || exit 1");
        assertThat(map(Map.of("test", "test -f /tmp/ready")).command()).containsExactly("test -f /tmp/ready");
    }

    @Test
    void missingTimingsGetDockersDefaults() {
        HealthCheckRequest check = map(Map.of("test", "true"));
        assertThat(check.interval()).isEqualTo("30s");
        assertThat(check.timeout()).isEqualTo("30s");
        assertThat(check.retries()).isEqualTo(3);
        assertThat(check.startPeriod()).isEqualTo("0s");
        assertThat(map(Map.of("test", "true", "interval", "5s")).timeout()).isEqualTo("5s");
        assertThat(map(Map.of("test", "true", "retries", "0")).retries()).as("docker's 0 is its default").isEqualTo(3);
    }

    @Test
    void aTimeoutLongerThanTheIntervalIsCutWithAWarning() {
        assertThat(map(Map.of("test", "true", "interval", "5s", "timeout", "10s")).timeout()).isEqualTo("5s");
        assertThat(findings.warnings()).singleElement().extracting(ComposeWarning::path).isEqualTo("h.timeout");
    }

    @Test
    void disabledAndNoneMeanNoCheck() {
        assertThat(map(Map.of("disable", "true", "test", "true"))).isNull();
        assertThat(map(Map.of("test", List.of("NONE")))).isNull();
        assertThat(findings.hasErrors()).isFalse();
    }

    @Test
    void noTestIsWarnedAbout() {
        assertThat(map(Map.of("interval", "10s"))).isNull();
        assertThat(findings.warnings()).singleElement().extracting(ComposeWarning::message).asString()
                .contains("does not run an image's own HEALTHCHECK");
    }

    @Test
    void badTestsAndDurationsAreErrors() {
        assertThat(map(Map.of("test", List.of("RUN", "x")))).isNull();
        assertThat(map(Map.of("test", List.of("CMD")))).isNull();
        assertThat(map(Map.of("test", List.of("CMD-SHELL")))).isNull();
        assertThat(map(Map.of("test", "true", "interval", "soon"))).isNull();
        assertThat(map(Map.of("test", "true", "interval", "10ms"))).as("under 100ms").isNull();
        assertThat(map(Map.of("test", "true", "retries", "many"))).isNull();
        assertThat(map(Map.of("test", "true", "disable", "maybe"))).isNull();
        assertThat(findings.hasErrors()).isTrue();
    }

    @Test
    void startIntervalIsWarnedAbout() {
        map(Map.of("test", "true", "start_interval", "1s"));
        assertThat(findings.warnings()).extracting(ComposeWarning::path).containsExactly("h.start_interval");
    }
}
