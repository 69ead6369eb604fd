package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cluman.model.validation.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files that cannot be deployed fail with every error named by its path. */
class ComposeErrorsTest {

    static List<FieldError> errors(String yaml) {
        return errors(new ComposeSource(yaml, "app", null, null));
    }

    static List<FieldError> errors(ComposeSource source) {
        try {
            ComposeParser.parse(source);
        } catch (ComposeException e) {
            return e.errors();
        }
        throw new AssertionError("no ComposeException for:\n" + source.text());
    }

    @Test
    void invalidYamlNamesLineAndColumn() {
        List<FieldError> errors = errors("services:\n  web:\n    image: nginx\n   ports: [80\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.message()).startsWith("invalid YAML at line 4, column ");
        });
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThat(errors("services:\n  web:\n    image: a\n    image: b\n")).singleElement()
                .extracting(FieldError::message).asString().isEqualTo("duplicate key 'image' at line 4, column 5");
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() {
        assertThat(errors("- web\n- db\n")).containsExactly(new FieldError("file",
                "must be a mapping with services, not a list"));
        assertThat(errors("")).containsExactly(new FieldError("file",
                "is empty: a compose file is a mapping with services"));
    }

    @Test
    void servicesAreRequired() {
        assertThat(errors("name: x\nvolumes: {}\n")).containsExactly(new FieldError("services",
                "is required: a mapping of service names to their image and settings"));
        assertThat(errors("services: [web]\n")).containsExactly(new FieldError("services",
                "must be a mapping (key: value), not a list"));
    }

    @Test
    void aServiceWithoutImageIsAnError() {
        assertThat(errors("services:\n  web:\n    build: .\n  db:\n    image: postgres\n"))
                .containsExactly(new FieldError("services.web.image",
                        "is required: Cluman runs images; build this one, push it to a registry and name it here"));
    }

    @Test
    void dependencyCyclesAreNamedInFull() {
        String yaml = """
                services:
                  web: {image: a, depends_on: [api]}
                  api: {image: b, depends_on: {db: {condition: service_started}, web: {}}}
                  db: {image: c}
                """;
        assertThat(errors(yaml)).containsExactly(new FieldError("services.web.depends_on",
                "dependency cycle: web → api → web"));
        assertThat(errors("services:\n  web: {image: a, depends_on: [web]}\n")).containsExactly(
                new FieldError("services.web.depends_on", "dependency cycle: web → web"));
    }

    @Test
    void dependingOnAnUnknownServiceIsAnError() {
        assertThat(errors("services:\n  web: {image: a, depends_on: [cache]}\n")).containsExactly(new FieldError(
                "services.web.depends_on", "'cache' is not a service of this file: define it or remove the dependency"));
    }

    @Test
    void aMissingEnvFileIsNamed() {
        String yaml = "services:\n  web:\n    image: a\n    env_file: [common.env, ./web.env]\n";
        assertThat(errors(new ComposeSource(yaml, "app", null, Map.of("common.env", "A=1"))))
                .containsExactly(new FieldError("services.web.env_file[1]",
                        "env file './web.env' was not given: send it along with the compose file"));
    }

    @Test
    void anOptionalEnvFileMayBeMissing() {
        String yaml = "services:\n  web:\n    image: a\n    env_file: [{path: local.env, required: false}]\n";
        ComposeApplication app = ComposeParser.parse(new ComposeSource(yaml, "app", null, null));
        assertThat(app.warnings()).containsExactly(new ComposeWarning("services.web.env_file[0]",
                "env file 'local.env' was not given: skipped (required: false)"));
    }

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeParsing() {
        String yaml = "services:\n  web:\n    image: a\n#" + "x".repeat(ComposeParser.MAX_BYTES) + "\n";
        int bytes = yaml.length();
        assertThat(errors(yaml)).containsExactly(new FieldError("file",
                "compose file too large: " + bytes + " bytes, at most 1 MiB"));
    }

    @Test
    void twoServicesPublishingOneHostPortConflict() {
        String yaml = """
                services:
                  a: {image: a, ports: ["8080:80", "53:53/udp"]}
                  b: {image: b, ports: ["8080:8080", "53:53"]}
                  c: {image: c, ports: [{target: 53, published: 53, protocol: udp}]}
                """;
        assertThat(errors(yaml)).containsExactly(
                new FieldError("services.b.ports", "host port 8080/tcp is already published by service a"),
                new FieldError("services.c.ports", "host port 53/udp is already published by service a"));
    }

    @Test
    void replicasMustBeFromZeroToTenThousand() {
        assertThat(errors("services:\n  web: {image: a, deploy: {replicas: -1}}\n")).containsExactly(new FieldError(
                "services.web.deploy.replicas", "'-1' is not a whole number from 0 to 10000"));
        assertThat(errors("services:\n  web: {image: a, deploy: {replicas: 10001}}\n")).extracting(FieldError::field)
                .containsExactly("services.web.deploy.replicas");
        assertThat(ComposeParser.parse(new ComposeSource("services:\n  web: {image: a, deploy: {replicas: 0}}\n",
                "app", null, null)).service("web").replicas()).isZero();
    }

    @Test
    void invalidPortsAndDurationsAreNamed() {
        String yaml = """
                services:
                  web:
                    image: a
                    ports: ["80:http", "70000:80", "80/sctp"]
                    healthcheck: {test: [CMD, true], interval: 10 seconds, timeout: 1x}
                """;
        assertThat(errors(yaml)).extracting(FieldError::field).containsExactly("services.web.ports[0]",
                "services.web.ports[1]", "services.web.ports[2]", "services.web.healthcheck.interval",
                "services.web.healthcheck.timeout");
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnce() {
        String yaml = """
                name: Bad_Name
                services:
                  web_app: {image: a}
                  db: {restart: sometimes}
                """;
        assertThat(errors(new ComposeSource(yaml, null, null, null))).extracting(FieldError::field)
                .containsExactly("name", "services.web_app", "services.db.image", "services.db.restart");
    }

    @Test
    void anApplicationNeedsAName() {
        assertThat(errors(new ComposeSource("services:\n  web: {image: a}\n", null, null, null))).containsExactly(
                new FieldError("name", "is required: name the application, or set name: in the file"));
        assertThat(ComposeParser.parse(new ComposeSource("name: file\nservices:\n  web: {image: a}\n", "given",
                null, null)).name()).isEqualTo("given");
    }

    @Test
    void waitingForHealthNeedsAHealthCheck() {
        String yaml = "services:\n  db: {image: a}\n  web: {image: b, depends_on: {db: {condition: service_healthy}}}\n";
        assertThat(errors(yaml)).containsExactly(new FieldError("services.web.depends_on.db.condition",
                "service_healthy, but service db has no healthcheck with a test"));
    }

    @Test
    void aliasBombsAreCutShort() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(8, "*a" + (i - 1)))).append("]\n");
        }
        assertThat(errors(yaml.toString())).singleElement().extracting(FieldError::message).asString()
                .contains("values once anchors are expanded");
    }

    @Test
    void theErrorsConvertToTheApiValidationException() {
        ComposeException e = ComposeException.of("services.web.image", "is required");
        assertThat(e.toValidationException().errors()).isEqualTo(e.errors());
        assertThat(e.getMessage()).isEqualTo("services.web.image: is required");
    }
}
