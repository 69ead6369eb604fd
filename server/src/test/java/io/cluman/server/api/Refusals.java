package io.cluman.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cluman.server.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;

/** The check every bad-input table makes: a 4xx problem+json naming the field, and the store untouched. */
final class Refusals {
    private Refusals() {
    }

    /** Sends the request and asserts it is refused with {@code status}, naming {@code field} (null: none). */
    static void assertRefused(TestServer server, String method, String path, String body, int status, String field)
            throws IOException {
        long before = server.wiring().store().revision();
        HttpResponse<String> response = server.send(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode problem = ApiJson.MAPPER.readTree(response.body());
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
        assertThat(server.wiring().store().revision()).as("store revision after a refused request").isEqualTo(before);
    }
}
