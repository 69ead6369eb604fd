package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cluman.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's files come with the server: the start page at {@code /}, and every script it names (its own
 * modules, Preact and Chart.js from their WebJars) answers 200 with a JavaScript type, without a token. The UI in a
 * browser is tested in the it module (io.cluman.it.ui).
 */
class WebUiServedTest {
    private static final Pattern REFERENCES = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"|\"(/webjars/[^\"]+)\"");

    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theStartPageAndEveryFileItNamesAreServed() {
        HttpResponse<String> index = server.send("GET", "/", null, null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Matcher m = REFERENCES.matcher(index.body());
        int scripts = 0;
        while (m.find()) {
            String path = m.group(1) != null ? m.group(1) : m.group(2);
            HttpResponse<String> file = server.send("GET", path, null, null);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            if (path.endsWith(".js")) {
                assertThat(file.headers().firstValue("Content-Type").orElse("")).as(path).contains("javascript");
                scripts++;
            }
        }
        assertThat(scripts).as("main.js, chart.js, preact, preact/hooks").isEqualTo(4);
    }

    @Test
    void everyPageModuleIsServedAsJavaScript() {
        for (String page : List.of("dashboard", "nodes", "node", "clusters", "containers", "container", "services",
                "service", "applications", "registries", "jobs", "events", "login")) {
            HttpResponse<String> file = server.send("GET", "/ui/js/pages/" + page + ".js", null, null);
            assertThat(file.statusCode()).as(page).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse("")).as(page).contains("javascript");
            assertThat(file.body()).as(page).contains("export function");
        }
        assertThat(server.send("GET", "/ui/js/nothing.js", null, null).statusCode()).isEqualTo(404);
    }
}
