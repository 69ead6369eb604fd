package io.cluman.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The web UI's start page. The UI itself is static files under {@code /ui} (ES modules, Preact and Chart.js from
 * their WebJars): no front-end build, nothing to install besides the server.
 */
final class WebUi {
    private static final String INDEX = read("/ui/index.html");

    private WebUi() {
    }

    static String indexPage() {
        return INDEX;
    }

    private static String read(String resource) {
        try (InputStream in = WebUi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the server's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
