package io.cluman.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.cli.FakeServer;
import io.cluman.cli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluman app deploy} against a {@link FakeServer}: with {@code --wait} it follows the application. */
class AppCommandsTest {
    private final FakeServer server = FakeServer.started();

    @TempDir
    Path dir;

    private Path compose;

    @BeforeEach
    void writeCompose() throws IOException {
        compose = Files.writeString(dir.resolve("docker-compose.yml"), """
                name: shop
                services:
                  web:
                    image: nginx:1.27
                  db:
                    image: postgres:17
                """);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The application {@code shop} in {@code state}: db released and running, web as given. */
    private static String shop(String state, boolean webReleased, int webRunning, String failure) {
        return """
                {"name":"shop","state":"%s",%s"services":[
                  {"name":"db","replicas":1,"released":true,"dependsOn":[],"service":%s},
                  {"name":"web","replicas":1,"released":%s,"dependsOn":[{"service":"db","condition":"service_healthy"}],
                   "service":%s}],
                 "warnings":[],"variableNames":[],"revision":3}""".formatted(state,
                failure == null ? "" : "\"failure\":\"" + failure + "\",", service("shop-db", 1), webReleased,
                webReleased ? service("shop-web", webRunning) : "null");
    }

    private static String service(String name, int running) {
        return """
                {"name":"%s","generation":1,"desired":1,"running":%d,"revision":1}""".formatted(name, running);
    }

    @Test
    void deployWithWaitShowsServicesRunningThenTheSummaryLine() {
        server.on("POST /v1/applications", 201, shop("deploying", false, 0, null));
        server.on("GET /v1/applications/shop", 200, shop("running", true, 1, null));

        Run run = server.run("app", "deploy", "-f", compose.toString(), "--wait");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("""
                [#####-----] 1/2 services running, deploying (web waiting)
                [##########] 2/2 services running, running
                """);
        assertThat(run.out()).matches("application shop deploy \\(2 services\\): SUCCEEDED after \\d+s\n");
    }

    @Test
    void aFailedDeployExitsOneWithTheFailureInTheSummary() {
        server.on("POST /v1/applications", 201, shop("failed", false, 0, "db exited with 1"));

        Run run = server.run("app", "deploy", "-f", compose.toString(), "--wait");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("[#####-----] 1/2 services running, failed (web waiting)\n");
        assertThat(run.out())
                .matches("application shop deploy \\(2 services\\): FAILED after \\d+s: db exited with 1\n");
    }

    @Test
    void withoutWaitDeployReturnsOnceTheServerAcceptedIt() {
        server.on("POST /v1/applications", 201, shop("deploying", false, 0, null));

        Run run = server.run("app", "deploy", "-f", compose.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("deployed application shop (2 service(s), deploying)\n");
        assertThat(server.requests).hasSize(1);
    }
}
