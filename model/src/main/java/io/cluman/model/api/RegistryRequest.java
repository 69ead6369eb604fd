package io.cluman.model.api;

/**
 * {@code POST /v1/registries}. {@code username} and {@code password} come together or not at all. For
 * Docker Hub use the name {@code docker.io} (the url may be left out): that sets its credentials.
 * {@link #toString()} never shows the password.
 *
 * @param url {@code host[:port]} or {@code http(s)://host[:port]}
 */
public record RegistryRequest(String name, String url, String username, String password) {
    @Override
    public String toString() {
        return "RegistryRequest[name=" + name + ", url=" + url + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + "]";
    }
}
