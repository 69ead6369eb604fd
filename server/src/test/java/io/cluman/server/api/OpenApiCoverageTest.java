package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiCoverageTest {
    @TempDir
    Path dir;

    @Test
    void everyServedRouteIsInTheOpenApiDocument() throws Exception {
        try (TestServer server = new TestServer(dir)) {
            var response = server.send("GET", "/openapi.json", null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode paths = ApiJson.MAPPER.readTree(response.body()).get("paths");
            List<String> undocumented = new ArrayList<>();
            for (String route : server.wiring().api().servedRoutes()) {
                String[] parts = route.split(" ", 2);
                if (parts[0].startsWith("BEFORE") || parts[0].startsWith("AFTER")) {
                    continue;
                }
                JsonNode item = paths.get(parts[1]);
                if (item == null || !item.has(parts[0].toLowerCase(Locale.ROOT))) {
                    undocumented.add(route);
                }
            }
            assertThat(undocumented).as("routes missing from /openapi.json").isEmpty();
            assertThat(server.wiring().api().servedRoutes()).hasSizeGreaterThan(20);
        }
    }

    @Test
    void swaggerUiIsServed() {
        try (TestServer server = new TestServer(dir)) {
            var page = server.send("GET", "/swagger-ui.html", null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/openapi.json");
            var bundle = server.send("GET", "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", null, null);
            assertThat(bundle.statusCode()).isEqualTo(200);
        }
    }
}
