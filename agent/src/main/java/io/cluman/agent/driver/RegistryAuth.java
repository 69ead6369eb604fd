package io.cluman.agent.driver;

/**
 * Credentials for one image registry. {@link #toString()} never shows the password.
 *
 * @param username the registry user
 * @param password the password or token
 * @param server   the registry's address ({@code registry.example.com:5000}); blank: the image's own
 */
public record RegistryAuth(String username, String password, String server) {
    public RegistryAuth {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a registry login needs a username");
        }
        password = password == null ? "" : password;
        server = server == null ? "" : server.strip();
    }

    @Override
    public String toString() {
        return "RegistryAuth[username=" + username + ", password=***, server=" + server + "]";
    }
}
