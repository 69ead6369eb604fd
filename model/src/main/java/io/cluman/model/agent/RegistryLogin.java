package io.cluman.model.agent;

/**
 * The credentials an agent pulls an assignment's image with, resolved by the server from its registries
 * when it serves the assignment. Held in memory only: never stored with the container, never logged;
 * {@link #toString()} hides the password.
 *
 * @param registry the registry's name, for messages
 * @param server   the registry's {@code host[:port]} ({@code docker.io} for Docker Hub)
 */
public record RegistryLogin(String registry, String server, String username, String password) {
    @Override
    public String toString() {
        return "RegistryLogin[registry=" + registry + ", server=" + server + ", username=" + username
                + ", password=***]";
    }
}
