package io.cluman.server.registries;

import io.cluman.model.api.RegistryRequest;
import io.cluman.model.registry.RegistryAddress;
import io.cluman.model.validation.Validator;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@code POST /v1/registries}, every field at once. Pure. */
final class RegistryRequestCheck {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?");
    private static final int MAX_SECRET = 4096;

    private RegistryRequestCheck() {
    }

    /**
     * Checks {@code request} and returns the registry's {@code host[:port]}.
     *
     * @throws io.cluman.model.validation.ValidationException naming every field at fault
     */
    static String validate(RegistryRequest request) {
        Validator v = new Validator();
        String name = request.name();
        boolean hub = RegistryAddress.DOCKER_HUB.equals(name);
        if (name == null || name.isBlank()) {
            v.add("name", "is required: e.g. 'local' (lower-case letters, digits, '-' and '.')");
        } else if (!NAME.matcher(name).matches()) {
            v.add("name", "'" + name + "' is not a registry name: use 1-63 lower-case letters, digits, '-' and '.',"
                    + " starting and ending with a letter or digit");
        }
        Optional<String> host = hub && request.url() == null ? Optional.of(RegistryAddress.DOCKER_HUB)
                : RegistryAddress.host(request.url());
        if (request.url() == null || request.url().isBlank()) {
            v.check(hub, "url", "is required: host[:port] or http(s)://host[:port], e.g. 127.0.0.1:5000");
        } else if (host.isEmpty()) {
            v.add("url", "'" + request.url() + "' is not a registry address: use host[:port] or"
                    + " http(s)://host[:port], without path or user");
        } else if (hub != RegistryAddress.isDockerHub(host.get())) {
            v.add("url", hub ? "docker.io is Docker Hub: leave url out or give a Docker Hub address"
                    : "that is Docker Hub, the built-in registry 'docker.io': add its credentials under the name"
                    + " docker.io");
        }
        credentials(v, request, hub);
        v.throwIfInvalid();
        return host.orElseThrow();
    }

    private static void credentials(Validator v, RegistryRequest request, boolean hub) {
        boolean user = request.username() != null && !request.username().isBlank();
        boolean password = request.password() != null && !request.password().isEmpty();
        if (user && !password) {
            v.add("password", "is required with a username (cluman registry add reads it with --password-stdin)");
        } else if (password && !user) {
            v.add("username", "is required with a password");
        } else if (hub && !user) {
            v.add("username", "is required: Docker Hub is always there, adding docker.io only sets its credentials");
        }
        if (user) {
            v.check(!request.username().contains(":") && request.username().length() <= 255
                    && request.username().strip().equals(request.username()), "username",
                    "must be at most 255 characters, without ':' or surrounding blanks");
        }
        if (password) {
            v.check(request.password().length() <= MAX_SECRET, "password", "is longer than " + MAX_SECRET
                    + " characters");
        }
    }
}
