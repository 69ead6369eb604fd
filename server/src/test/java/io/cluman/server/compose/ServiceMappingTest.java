package io.cluman.server.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.model.validation.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One service's keys, read through the whole parser. */
class ServiceMappingTest {

    private static ComposeApplication parse(String services, Map<String, String> variables, Map<String, String> files) {
        return ComposeParser.parse(new ComposeSource("services:\n" + services, "app", variables, files));
    }

    private static ComposeService web(String keys) {
        return parse("  web:\n    image: nginx\n" + keys.indent(4), null, null).service("web");
    }

    @Test
    void commandAndEntrypointTakeAStringOrAList() {
        ComposeService s = web("entrypoint: /docker-entrypoint.sh --wait\ncommand: [\"nginx\", \"-g\", \"daemon off;\"]");
        assertThat(s.entrypoint()).containsExactly("/docker-entrypoint.sh", "--wait");
        assertThat(s.command()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(web("command: sh -c 'echo \"$$HOME\" && sleep 5'").command())
                .containsExactly("sh", "-c", "echo \"$HOME\" && sleep 5");
        assertThat(web("").command()).isEmpty();
    }

    @Test
    void environmentTakesAListOrAMappingAndFillsBareNamesFromTheVariables() {
        String list = "environment:\n  - A=1\n  - B=x=y\n  - C\n  - D\n  - E=";
        ComposeApplication app = parse("  web:\n    image: nginx\n" + list.indent(4), Map.of("C", "from-shell"), null);
        assertThat(app.service("web").environment()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "x=y",
                "C", "from-shell", "E", ""));
        assertThat(app.warnings()).containsExactly(new ComposeWarning("services.web.environment.D",
                "has no value and variable D is not set: left out"));
        assertThat(web("environment:\n  DEBUG: 'no'\n  PORT: 8080\n  RATIO: 0.5\n  ON: yes").environment())
                .containsExactlyInAnyOrderEntriesOf(Map.of("DEBUG", "no", "PORT", "8080", "RATIO", "0.5", "ON", "yes"));
    }

    @Test
    void theEnvironmentWinsOverEnvFilesAndLaterFilesOverEarlier() {
        String keys = "env_file: [a.env, b.env]\nenvironment: {C: env}";
        ComposeApplication app = parse("  web:\n    image: nginx\n" + keys.indent(4), null,
                Map.of("a.env", "A=a\nB=a\nC=a", "b.env", "B=b\nC=b"));
        assertThat(app.service("web").environment()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "a", "B", "b",
                "C", "env"));
    }

    @Test
    void aDotEnvFileSuppliesVariablesTheCallerDoesNotSet() {
        ComposeApplication app = parse("  web:\n    image: nginx:${TAG}\n    environment: [MODE=$MODE]\n",
                Map.of("MODE", "prod"), Map.of(".env", "TAG=1.27\nMODE=dev\n"));
        assertThat(app.service("web").image()).isEqualTo("nginx:1.27");
        assertThat(app.service("web").environment()).containsEntry("MODE", "prod");
    }

    @Test
    void badEnvFileLinesAreNamed() {
        List<FieldError> errors = ComposeErrorsTest.errors(new ComposeSource(
                "services:\n  web: {image: a, env_file: bad.env}\n", "app", null, Map.of("bad.env", "OK=1\nNOT OK=2")));
        assertThat(errors).containsExactly(new FieldError("services.web.env_file",
                "bad.env line 2: 'NOT OK' is not a variable name"));
    }

    @Test
    void labelsTakeAListOrAMappingAndFollowClumansRules() {
        assertThat(web("labels: [\"a.b/c=1\", flag]").labels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a.b/c", "1", "flag", ""));
        assertThat(web("labels: {team: web}").labels()).containsExactly(Map.entry("team", "web"));
        assertThat(ComposeErrorsTest.errors("services:\n  web: {image: a, labels: {desc: two words}}\n"))
                .extracting(FieldError::field).containsExactly("services.web.labels.desc");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"no, no", "'\"no\"', no", "always, always", "on-failure, on-failure", "on-failure:3, on-failure:3",
            "unless-stopped, always"})
    void mapsRestartPolicies(String restart, String cluman) {
        assertThat(web("restart: " + restart).restart()).isEqualTo(cluman);
    }

    @Test
    void deployRestartPolicyWinsOverRestart() {
        assertThat(web("restart: always\ndeploy: {restart_policy: {condition: none}}").restart()).isEqualTo("no");
        assertThat(web("").restart()).isEqualTo("no");
    }

    @Test
    void dependsOnTakesAListOrAMappingWithConditions() {
        ComposeApplication app = parse("""
                  web:
                    image: a
                    depends_on:
                      db: {condition: service_healthy, restart: true}
                      init: {condition: service_completed_successfully}
                      cache:
                  db: {image: b, healthcheck: {test: pg_isready}}
                  init: {image: c}
                  cache: {image: d}
                """, null, null);
        assertThat(app.service("web").dependsOn()).containsExactly(
                new ComposeDependency("db", DependencyCondition.SERVICE_HEALTHY),
                new ComposeDependency("init", DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY),
                new ComposeDependency("cache", DependencyCondition.SERVICE_STARTED));
        assertThat(app.services()).extracting(ComposeService::name).containsExactly("db", "init", "cache", "web");
        assertThat(app.warnings()).extracting(ComposeWarning::path).containsExactly("services.web.depends_on.db.restart");
        assertThat(ComposeErrorsTest.errors("services:\n  web: {image: a, depends_on: {b: {condition: up}}}\n  b: {image: b}\n"))
                .extracting(FieldError::field).containsExactly("services.web.depends_on.b.condition");
    }

    @Test
    void unquotedScalarsKeepTheirTextNotYaml11Types() {
        ComposeService s = web("ports: [22:22, 2222:22]\nrestart: no\nlabels: {enabled: yes}");
        assertThat(s.ports()).containsExactly("22:22", "2222:22");
        assertThat(s.restart()).isEqualTo("no");
        assertThat(s.labels()).containsEntry("enabled", "yes");
    }

    @Test
    void aServicePublishingOneHostPortTwiceIsAnError() {
        assertThat(ComposeErrorsTest.errors("services:\n  web: {image: a, ports: [\"80:80\", \"80:8080\"]}\n"))
                .containsExactly(new FieldError("services.web.ports", "host port 80/tcp is already published by this"
                        + " service"));
    }

    @Test
    void extensionKeysAreSkippedSilentlyEverywhere() {
        ComposeApplication app = parse("  x-common: {image: none}\n  web: {image: a, x-team: web}\n", null, null);
        assertThat(app.services()).extracting(ComposeService::name).containsExactly("web");
        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void aValueOfTheWrongShapeIsNamed() {
        assertThat(ComposeErrorsTest.errors("services:\n  web: {image: [a], ports: \"80:80\", environment: 3}\n"))
                .containsExactly(
                        new FieldError("services.web.image", "must be a single value, not a list"),
                        new FieldError("services.web.environment", "must be a mapping (key: value), not a value"),
                        new FieldError("services.web.ports", "must be a list, not a value"));
    }
}
