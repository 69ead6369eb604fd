package io.cluman.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.validation.FieldError;
import io.cluman.model.validation.ValidationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
    @Test
    void buildsFromCliOptions() {
        AgentConfig config = AgentConfig.of("http://10.0.0.1:8761/", "t0k", "/tmp/agent", " web-1 ", "zone=a, rack=r1");

        assertThat(config.joinUrl()).isEqualTo("http://10.0.0.1:8761");
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/agent"));
        assertThat(config.name()).isEqualTo("web-1");
        assertThat(config.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("zone", "a", "rack", "r1"));
    }

    @Test
    void defaultsDataDirNameAndLabels() {
        AgentConfig config = AgentConfig.of("https://cluman.example:8761", "t0k", null, "", null);

        assertThat(config.dataDir()).isEqualTo(AgentConfig.DEFAULT_DATA_DIR);
        assertThat(config.name()).isNull();
        assertThat(config.labels()).isEmpty();
    }

    @Test
    void reportsEveryFieldAtFault() {
        assertThatThrownBy(() -> new AgentConfig("ftp://x", " ", null, "two words", Map.of("bad key", "v")))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).errors().stream().map(FieldError::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("joinUrl", "token", "dataDir", "name", "labels");
    }

    @Test
    void rejectsLabelsWithoutValueOrRepeated() {
        assertThatThrownBy(() -> AgentConfig.parseLabels("zone")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> AgentConfig.parseLabels("a=1,a=2")).isInstanceOf(ValidationException.class);
        assertThat(AgentConfig.parseLabels("a=,b=2")).containsEntry("a", "").containsEntry("b", "2");
    }

    @Test
    void samplesTasksEvery10sUnlessToldAndNeverFasterThanASecond() {
        AgentConfig config = AgentConfig.of("http://10.0.0.1:8761", "t0k", null, null, null);
        assertThat(config.statsInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(config.withStatsInterval(java.time.Duration.ofSeconds(2)).statsInterval())
                .isEqualTo(java.time.Duration.ofSeconds(2));
        assertThatThrownBy(() -> config.withStatsInterval(java.time.Duration.ofMillis(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("statsInterval"));
    }
}
