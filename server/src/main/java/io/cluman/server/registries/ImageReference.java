package io.cluman.server.registries;

import io.cluman.model.registry.RegistryAddress;

/**
 * An image reference split as the registry API wants it: {@code 127.0.0.1:5000/team/app:1.4} → host
 * {@code 127.0.0.1:5000}, repository {@code team/app}, reference {@code 1.4}; Docker Hub's one-part names
 * live under {@code library/}; no tag means {@code latest}; a digest ({@code @sha256:...}) is the reference.
 */
public record ImageReference(String host, String repository, String reference) {
    public static ImageReference parse(String image) {
        String host = RegistryAddress.ofImage(image);
        String rest = image;
        int slash = image.indexOf('/');
        if (slash > 0 && !RegistryAddress.DOCKER_HUB.equals(host)
                || slash > 0 && RegistryAddress.DOCKER_HUB_HOSTS.contains(image.substring(0, slash))) {
            rest = image.substring(slash + 1);
        }
        String reference = "latest";
        int at = rest.indexOf('@');
        if (at >= 0) {
            reference = rest.substring(at + 1);
            rest = rest.substring(0, at);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon > rest.lastIndexOf('/')) {
                reference = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
        }
        if (RegistryAddress.DOCKER_HUB.equals(host) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(host, rest, reference);
    }

    /** The repository's last part, what a configuration file is named after ({@code team/nginx} → {@code nginx}). */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** Where the registry's API is: Docker Hub's, HTTP for a loopback registry (as the engine allows), else HTTPS. */
    String baseUrl() {
        if (RegistryAddress.DOCKER_HUB.equals(host)) {
            return "https://registry-1.docker.io";
        }
        boolean loopback = host.startsWith("127.") || host.startsWith("localhost") || host.startsWith("[::1]");
        return (loopback ? "http://" : "https://") + host;
    }
}
