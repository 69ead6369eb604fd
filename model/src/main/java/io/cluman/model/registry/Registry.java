package io.cluman.model.registry;

import java.time.Instant;

/**
 * An image registry as the store keeps it. The password is only ever held sealed (AES-GCM under the
 * server's secret key); {@link #toString()} shows neither it nor its sealed form.
 *
 * @param name           the registry's name, e.g. {@code local}; {@link RegistryAddress#DOCKER_HUB} for Docker Hub
 * @param url            the address as given ({@code host[:port]} or {@code http(s)://host[:port]})
 * @param host           {@code host[:port]}, lower case: what image references are matched against
 * @param username       the login's user, empty when the registry is used anonymously
 * @param sealedPassword the password sealed by the server, empty when there is none
 */
public record Registry(String name, String url, String host, String username, String sealedPassword,
                       Instant createdAt, long revision) {
    public Registry {
        username = username == null ? "" : username;
        sealedPassword = sealedPassword == null ? "" : sealedPassword;
    }

    public boolean hasPassword() {
        return !sealedPassword.isEmpty();
    }

    public Registry withRevision(long newRevision) {
        return new Registry(name, url, host, username, sealedPassword, createdAt, newRevision);
    }

    @Override
    public String toString() {
        return "Registry[name=" + name + ", host=" + host + ", username=" + username + ", password="
                + (hasPassword() ? "***" : "") + ", revision=" + revision + "]";
    }
}
