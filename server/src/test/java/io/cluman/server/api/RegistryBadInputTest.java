package io.cluman.server.api;

import io.cluman.model.api.RegistryRequest;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /v1/registries}' bad inputs: a 4xx problem naming the field, and nothing written to the store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryBadInputTest {
    TestServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new TestServer(dir);
        server.admin().addRegistry(new RegistryRequest("local", "127.0.0.1:5000", "ci", "pw"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("POST", "{\"name\": \"x\", ", 400, "body"),
                bad("POST", null, 400, "body"),
                bad("POST", "{\"name\": \"x\", \"url\": \"h:1\", \"colour\": 1}", 400, "colour"),
                bad("POST", "{\"name\": [\"x\"], \"url\": \"h:1\"}", 400, "name"),
                bad("POST", "{\"url\": \"h:1\"}", 400, "name"),
                bad("POST", "{\"name\": \"Bad_Name\", \"url\": \"h:1\"}", 400, "name"),
                bad("POST", "{\"name\": \"-x\", \"url\": \"h:1\"}", 400, "name"),
                bad("POST", "{\"name\": \"x\"}", 400, "url"),
                bad("POST", "{\"name\": \"x\", \"url\": \"ftp://h\"}", 400, "url"),
                bad("POST", "{\"name\": \"x\", \"url\": \"http://h:5000/v2\"}", 400, "url"),
                bad("POST", "{\"name\": \"x\", \"url\": \"https://u:p@h\"}", 400, "url"),
                bad("POST", "{\"name\": \"x\", \"url\": \"h:70000\"}", 400, "url"),
                bad("POST", "{\"name\": \"x\", \"url\": \"docker.io\", \"username\": \"u\", \"password\": \"p\"}",
                        400, "url"),
                bad("POST", "{\"name\": \"x\", \"url\": \"h:1\", \"username\": \"u\"}", 400, "password"),
                bad("POST", "{\"name\": \"x\", \"url\": \"h:1\", \"password\": \"p\"}", 400, "username"),
                bad("POST", "{\"name\": \"x\", \"url\": \"h:1\", \"username\": \"a:b\", \"password\": \"p\"}", 400,
                        "username"),
                bad("POST", "{\"name\": \"docker.io\"}", 400, "username"),
                bad("POST", "{\"name\": \"docker.io\", \"url\": \"h:1\", \"username\": \"u\", \"password\": \"p\"}",
                        400, "url"),
                bad("POST", "{\"name\": \"local\", \"url\": \"h:1\"}", 409, "name"),
                bad("POST", "{\"name\": \"other\", \"url\": \"http://127.0.0.1:5000\"}", 409, "url"),
                bad("GET", null, 404, null, "/v1/registries/nope"),
                bad("DELETE", null, 404, null, "/v1/registries/nope"),
                bad("DELETE", null, 409, "name", "/v1/registries/docker.io"));
    }

    private static Arguments bad(String method, String body, int status, String field) {
        return bad(method, body, status, field, "/v1/registries");
    }

    private static Arguments bad(String method, String body, int status, String field, String path) {
        return Arguments.of(method, path, body, status, field);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @MethodSource("cases")
    void badInputIsAClearProblemAndWritesNothing(String method, String path, String body, int status, String field)
            throws Exception {
        Refusals.assertRefused(server, method, path, body, status, field);
    }
}
