package io.cluman.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;

/**
 * Where a {@link ClumanClient} sends its next request, over which HTTP client, with which bearer token.
 * An agent's client moves from the join address (token, no certificate) to the server's mutual-TLS port
 * (certificate, no token) once it joined, and to a new HTTP client when its certificate is renewed.
 *
 * @param base  the server's address, ending in {@code /}
 * @param token sent as bearer token; null or empty: none
 */
public record ClientEndpoint(URI base, HttpClient http, String token) {
    public ClientEndpoint {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(http, "http");
    }

    /** An endpoint at {@code address} ({@code https://host:8763}, with or without the trailing slash). */
    public static ClientEndpoint of(String address, HttpClient http, String token) {
        return new ClientEndpoint(URI.create(address.endsWith("/") ? address : address + "/"), http, token);
    }

    @Override
    public String toString() {
        return "ClientEndpoint[" + base + (token == null || token.isEmpty() ? "" : ", token=***") + "]";
    }
}
