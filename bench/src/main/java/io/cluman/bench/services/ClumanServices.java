package io.cluman.bench.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Creates, scales and removes a service through Cluman's REST API ({@code /v1/services}). */
final class ClumanServices {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String server;
    private final String token;
    private final String image;

    ClumanServices(String server, String token, String image) {
        this.server = server;
        this.token = token;
        this.image = image;
    }

    void create(String name, int replicas) throws IOException, InterruptedException {
        send("POST", "/v1/services", "{\"name\":\"" + name + "\",\"driver\":\"docker\",\"image\":\"" + image
                + "\",\"args\":[\"sleep\",\"3600\"],\"restart\":\"no\",\"replicas\":" + replicas + "}");
    }

    void scale(String name, int replicas) throws IOException, InterruptedException {
        send("POST", "/v1/services/" + name + "/scale", "{\"replicas\":" + replicas + "}");
    }

    void remove(String name) throws IOException, InterruptedException {
        send("DELETE", "/v1/services/" + name, null);
    }

    private void send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
