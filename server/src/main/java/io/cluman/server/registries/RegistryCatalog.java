package io.cluman.server.registries;

import io.cluman.model.registry.Registry;
import io.cluman.model.registry.RegistryAddress;
import io.cluman.store.repo.RepositoryMirror;
import java.util.Optional;

/**
 * Which registry an image is pulled from, read from a mirror of the stored registries (no store read on
 * the agents' path). Docker Hub is always known: as stored when it has credentials, else built in.
 */
public final class RegistryCatalog {
    /** Docker Hub without credentials. */
    static final Registry DOCKER_HUB = new Registry(RegistryAddress.DOCKER_HUB, "https://index.docker.io",
            RegistryAddress.DOCKER_HUB, "", "", null, 0);

    private final RepositoryMirror<Registry> registries;

    public RegistryCatalog(RepositoryMirror<Registry> registries) {
        this.registries = registries;
    }

    /** The registry serving {@code image}'s host; empty when no registry is set up for it. */
    public Optional<Registry> forImage(String image) {
        return forHost(RegistryAddress.ofImage(image));
    }

    Optional<Registry> forHost(String host) {
        Optional<Registry> stored = registries.find(r -> r.host().equals(host));
        if (stored.isEmpty() && RegistryAddress.isDockerHub(host)) {
            return Optional.of(DOCKER_HUB);
        }
        return stored;
    }

    /** Shows a registry this process just wrote before the store's watch delivers it. */
    void offer(Registry written) {
        registries.offer(written.name(), written, written.revision());
    }
}
