package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.server.ServerConfig;
import io.cluman.server.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the API answers when no route fits or the request is broken: 404 naming the path, 405 with the
 * allowed methods, 413 for too large a body, and never a stack trace nor a Java class name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemAnswersTest {
    private static final String HUGE = "{\"name\":\"x\",\"description\":\"" + "y".repeat(1_100_000) + "\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new TestServer(ServerConfig.defaults(dir).withPort(0).withOffAfter(Duration.ofMinutes(5)));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> unknownPaths() {
        return Stream.of(Arguments.of("GET", "/v1/nope"), Arguments.of("POST", "/nope"),
                Arguments.of("GET", "/v1/nodes/x/y/z"), Arguments.of("DELETE", "/v2/clusters"));
    }

    @ParameterizedTest
    @MethodSource("unknownPaths")
    void unknownPathIs404NamingThePath(String method, String path) throws IOException {
        HttpResponse<String> r = server.send(method, path, null);
        JsonNode problem = problem(r, 404);
        assertThat(problem.get("detail").asText()).contains(path, "/openapi.json");
    }

    @Test
    void wrongMethodIs405ListingTheAllowedOnes() throws IOException {
        HttpResponse<String> r = server.send("PUT", "/v1/clusters", "{}");
        JsonNode problem = problem(r, 405);
        assertThat(problem.get("detail").asText()).contains("PUT", "/v1/clusters", "GET", "POST");
        assertThat(r.headers().firstValue("Allow")).get().asString().contains("GET", "POST");

        HttpResponse<String> one = server.send("POST", "/v1/clusters/prod", "{}");
        assertThat(problem(one, 405).get("detail").asText()).contains("GET", "PATCH", "DELETE")
                .doesNotContain("allowed: POST");
    }

    @Test
    void bodyOverTheLimitIs413() throws IOException {
        JsonNode problem = problem(server.send("POST", "/v1/clusters", HUGE), 413);
        assertThat(problem.get("errors").findValuesAsText("field")).contains("body");
        JsonNode streamed = problem(raw("POST", "/v1/clusters", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(HUGE.getBytes()))),
                413);
        assertThat(streamed.get("detail").asText()).contains("1 MiB");
    }

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                Arguments.of("POST", "/v1/clusters", "application/json", "{\"name\": "),
                Arguments.of("POST", "/v1/clusters", "application/json", "{\"name\": [\"x\"]}"),
                Arguments.of("POST", "/v1/clusters", "application/json", "{\"name\": \"x\", \"features\": [\"NOPE\"]}"),
                Arguments.of("POST", "/v1/clusters", "application/json", "[1, 2"),
                Arguments.of("POST", "/v1/clusters", "application/json", "\u0000\u0001binary"),
                Arguments.of("POST", "/v1/clusters", "text/plain", "name=x"),
                Arguments.of("POST", "/v1/clusters", "application/xml", "<cluster name=\"x\"/>"),
                Arguments.of("POST", "/v1/clusters", "application/x-www-form-urlencoded", "name=x&a=%ZZ"),
                Arguments.of("POST", "/v1/clusters", "application/json", HUGE),
                Arguments.of("POST", "/v1/tokens", "application/json", "{\"name\":\"a\",\"role\":\"viewer\",\"ttl\":[7]}"),
                Arguments.of("POST", "/v1/containers", "application/json", "{\"replicas\": 1e999}"),
                Arguments.of("GET", "/v1/nodes/%25ZZ", null, null),
                Arguments.of("GET", "/v1/nodes/..%2F..%2Fetc%2Fpasswd", null, null),
                Arguments.of("GET", "/v1/nodes/" + "n".repeat(5000), null, null),
                Arguments.of("GET", "/v1/events?limit=abc&after=-1", null, null),
                Arguments.of("GET", "/v1/agent/assignments?node=x&index=nope&wait=forever", null, null),
                Arguments.of("PATCH", "/v1/nodes/n-aaaaaaaaaa", "application/json", "{\"labels\": 5}"),
                Arguments.of("DELETE", "/v1/clusters/%00", null, null));
    }

    @ParameterizedTest
    @MethodSource("brokenRequests")
    void brokenRequestsGetProblemsWithoutJavaInternals(String method, String path, String type, String body)
            throws IOException {
        HttpResponse<String> r = raw(method, path, type,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).as("status %d", r.statusCode())
                .doesNotContain("Exception", "at io.", "java.", "com.fasterxml", "io.cluman", "jetty");
    }

    private JsonNode problem(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception", "at io.", "java.");
        return ApiJson.MAPPER.readTree(r.body());
    }

    private HttpResponse<String> raw(String method, String path, String type, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.wiring().url() + path)).method(method, body)
                .header("Authorization", "Bearer " + server.wiring().adminToken());
        if (type != null) {
            b.header("Content-Type", type);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
