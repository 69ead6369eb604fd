package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void serverAnswersHealthAndOpenApi() {
        try (TestServer server = new TestServer(dir)) {
            var health = server.send("GET", "/v1/health", null, null);
            System.out.println(health.body());
            assertThat(health.statusCode()).isEqualTo(200);
            var nodes = server.send("GET", "/v1/nodes", null);
            System.out.println(nodes.statusCode() + " " + nodes.body());
            var noAuth = server.send("GET", "/v1/nodes", null, null);
            System.out.println(noAuth.statusCode() + " " + noAuth.body());
            var clusters = server.send("GET", "/v1/clusters", null);
            System.out.println(clusters.statusCode() + " " + clusters.body());
            var bad = server.send("POST", "/v1/clusters", "{\"name\": 5, ");
            System.out.println(bad.statusCode() + " " + bad.body());
            var openapi = server.send("GET", "/openapi.json", null, null);
            System.out.println(openapi.statusCode() + " " + openapi.body().length());
            System.out.println(server.wiring().api().servedRoutes());
        }
    }
}
