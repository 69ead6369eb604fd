package io.cluman.model.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads registry addresses and finds the registry of an image reference, the way the Docker Engine does:
 * the part before the first {@code /} is a registry host when it has a {@code .} or a {@code :}, or is
 * {@code localhost}; otherwise (and for a name without {@code /}) the image is on Docker Hub. Pure.
 */
public final class RegistryAddress {
    /** The name and host of Docker Hub, the built-in registry. */
    public static final String DOCKER_HUB = "docker.io";
    /** Every host name that means Docker Hub. */
    public static final Set<String> DOCKER_HUB_HOSTS = Set.of(DOCKER_HUB, "index.docker.io", "registry-1.docker.io",
            "registry.hub.docker.com");

    private static final Pattern ADDRESS = Pattern.compile(
            "(?:(https?)://)?([A-Za-z0-9]([-A-Za-z0-9.]{0,251}[A-Za-z0-9])?)(?::(\\d{1,5}))?/?");

    private RegistryAddress() {
    }

    /**
     * The {@code host[:port]} of an address written {@code host[:port]} or {@code http(s)://host[:port]}
     * (lower case; Docker Hub's aliases become {@link #DOCKER_HUB}), or empty when it is not one: a path,
     * a user, a query, another scheme or a port outside 1-65535.
     */
    public static Optional<String> host(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = ADDRESS.matcher(address.strip());
        if (!m.matches() || m.group(2).contains("..")) {
            return Optional.empty();
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        if (m.group(4) == null) {
            return Optional.of(DOCKER_HUB_HOSTS.contains(host) ? DOCKER_HUB : host);
        }
        int port = Integer.parseInt(m.group(4));
        return port < 1 || port > 65535 ? Optional.empty() : Optional.of(host + ":" + port);
    }

    /** The registry host of an image reference ({@code 127.0.0.1:5000/app:1} → {@code 127.0.0.1:5000}). */
    public static String ofImage(String image) {
        int slash = image.indexOf('/');
        if (slash <= 0) {
            return DOCKER_HUB;
        }
        String first = image.substring(0, slash);
        if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            return DOCKER_HUB;
        }
        return host(first).orElse(first.toLowerCase(Locale.ROOT));
    }

    public static boolean isDockerHub(String host) {
        return DOCKER_HUB.equals(host);
    }
}
