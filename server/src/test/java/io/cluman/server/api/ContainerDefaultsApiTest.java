package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.client.ClumanClient;
import io.cluman.model.agent.JoinRequest;
import io.cluman.model.api.ClusterRequest;
import io.cluman.model.api.ContainerRequest;
import io.cluman.model.api.ContainerView;
import io.cluman.model.container.DriverName;
import io.cluman.model.node.Disk;
import io.cluman.model.node.NodeFacts;
import io.cluman.model.node.NodeOperation;
import io.cluman.server.FakeAgents;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import io.cluman.server.options.ConfigGitSettings;
import io.cluman.server.options.ConfigRepoFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container options merged from a real git repository of per-cluster defaults and the request. */
class ContainerDefaultsApiTest {
    @TempDir
    Path dir;
    ConfigRepoFixture origin;
    TestServer server;
    ClumanClient admin;
    String node;

    @BeforeEach
    void start() {
        origin = ConfigRepoFixture.init(dir.resolve("config"));
        origin.commit("all/nginx.properties", "cpus=0.25\nenv.REGION=eu\nmemory=128M\n");
        origin.commit("web/nginx.yml", """
                memory: 256M
                restart: always
                ports: ["8080:80"]
                environment: {MODE: prod, LEVEL: info}
                """);
        ServerConfig config = ServerConfig.defaults(dir.resolve("server")).withPort(0)
                .withOffAfter(Duration.ofSeconds(3))
                .withConfigGit(new ConfigGitSettings(origin.url(), null, null, null, Duration.ofMillis(200)));
        server = new TestServer(config);
        admin = server.admin();
        NodeFacts facts = new NodeFacts("d1", List.of("127.0.0.1"), 4, 8L << 30, List.of(new Disk("/", 100L << 30)),
                "Linux test", "test", List.of("process", "docker"));
        node = FakeAgents.join(server.agent(), new JoinRequest(null, "d1", Map.of(), facts)).nodeId();
        String job = admin.operate(node, NodeOperation.COMMISSION).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.job(job).state().isFinished());
        admin.createCluster(new ClusterRequest("web", null, null, null));
        admin.addNode("web", node);
    }

    @AfterEach
    void stop() {
        server.close();
        origin.close();
    }

    @Test
    void aContainerGetsTheClustersDefaultsUnderItsOwnRequest() {
        ContainerView created = admin.createContainer(new ContainerRequest("front", DriverName.DOCKER,
                "127.0.0.1:5000/team/nginx:1.27", null, null, null, "web", Map.of("LEVEL", "debug"), null, null,
                null, null, null));
        assertThat(created.node()).isEqualTo(node);
        assertThat(created.spec().memory()).as("web/ beats all/").isEqualTo(256L << 20);
        assertThat(created.spec().cpus()).as("only all/ says it").isEqualTo(0.25);
        assertThat(created.spec().restart()).isEqualTo("always");
        assertThat(created.spec().ports()).containsExactly("8080:80");
        assertThat(created.spec().env()).containsExactlyInAnyOrderEntriesOf(
                Map.of("MODE", "prod", "LEVEL", "debug", "REGION", "eu"));
    }

    @Test
    void theDefaultsEndpointSaysWhereEachValueComesFromAndFollowsNewCommits() throws Exception {
        JsonNode report = defaults("web", "nginx:latest");
        assertThat(report.at("/imageName").asText()).isEqualTo("nginx");
        assertThat(report.at("/values/memory").asLong()).isEqualTo(256L << 20);
        String commit = report.at("/git/commit").asText();
        assertThat(sourceOf(report, "memory")).isEqualTo("git web/nginx.yml@" + commit.substring(0, 7));
        assertThat(sourceOf(report, "cpus")).startsWith("git all/nginx.properties@");
        assertThat(sourceOf(report, "env.LEVEL")).startsWith("git web/nginx.yml@");

        origin.commit("web/nginx.yml", "memory: 12XB\nrestart: always\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> !defaults("web", "nginx").at("/git/commit").asText()
                .equals(commit));
        JsonNode after = defaults("web", "nginx");
        assertThat(after.at("/values/memory").asLong()).as("the bad value is ignored, all/ applies")
                .isEqualTo(128L << 20);
        assertThat(after.at("/layers/1/problems/0").asText()).startsWith("memory:").contains("12XB");
    }

    @Test
    void aClusterWithoutAFileGetsOnlyTheFleetWideDefaults() throws Exception {
        JsonNode report = defaults("all", "nginx");
        assertThat(report.at("/values/memory").asLong()).isEqualTo(128L << 20);
        assertThat(report.at("/values/restart").isMissingNode()).isTrue();
        assertThat(defaults("web", "redis").at("/values").isEmpty()).isTrue();
    }

    private JsonNode defaults(String cluster, String image) throws Exception {
        HttpResponse<String> response = server.send("GET", "/v1/containers/defaults?cluster=" + cluster + "&image="
                + image, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiJson.MAPPER.readTree(response.body());
    }

    private static String sourceOf(JsonNode report, String field) {
        for (JsonNode value : report.at("/provenance")) {
            if (value.get("field").asText().equals(field)) {
                return value.get("source").asText();
            }
        }
        throw new AssertionError("no provenance for " + field + " in " + report);
    }
}
