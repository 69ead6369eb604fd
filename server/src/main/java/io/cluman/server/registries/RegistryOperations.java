package io.cluman.server.registries;

import io.cluman.model.api.RegistryRequest;
import io.cluman.model.api.RegistryView;
import io.cluman.model.event.Action;
import io.cluman.model.event.Topic;
import io.cluman.model.registry.Registry;
import io.cluman.model.registry.RegistryAddress;
import io.cluman.server.api.ApiError;
import io.cluman.server.events.EventBus;
import io.cluman.server.security.SecretBox;
import io.cluman.store.StoreException;
import io.cluman.store.repo.JsonRepository;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What the registry endpoints do: validate, seal the password, write with compare-and-swap, announce on
 * {@code bus.cluman.log.registry}. Docker Hub is built in: adding {@code docker.io} stores its
 * credentials, removing it forgets them, and it cannot be removed itself.
 */
public final class RegistryOperations {
    private final JsonRepository<Registry> registries;
    private final RegistryCatalog catalog;
    private final SecretBox box;
    private final EventBus events;
    private final InstantSource clock;

    public RegistryOperations(JsonRepository<Registry> registries, RegistryCatalog catalog, SecretBox box,
                              EventBus events, InstantSource clock) {
        this.registries = registries;
        this.catalog = catalog;
        this.box = box;
        this.events = events;
        this.clock = clock;
    }

    public List<RegistryView> list() {
        return RegistryViews.all(registries.list());
    }

    public RegistryView get(String name) {
        return RegistryViews.of(find(name).orElseThrow(() -> new ApiError.NotFound("registry", name)));
    }

    public RegistryView create(RegistryRequest request) {
        String host = RegistryRequestCheck.validate(request);
        refuseTakenHost(request.name(), host);
        boolean hub = RegistryAddress.isDockerHub(host);
        String url = hub && request.url() == null ? RegistryCatalog.DOCKER_HUB.url() : request.url().strip();
        String sealed = request.password() == null ? "" : box.seal(request.password(), request.name());
        Registry registry = new Registry(request.name(), url, host, request.username(), sealed, clock.instant(), 0);
        try {
            registry = registries.create(request.name(), registry);
        } catch (StoreException.Conflict e) {
            throw new ApiError.Conflict("registry '" + request.name() + "' already exists", "name",
                    "is taken: remove it first (cluman registry rm " + request.name() + ") to change it");
        }
        catalog.offer(registry);
        events.info(Topic.LOG_REGISTRY, Action.CREATE, "registry", registry.name(), "registry " + registry.name()
                + " added for " + host + (registry.username().isEmpty() ? ", without credentials"
                : ", user " + registry.username()));
        return RegistryViews.of(registry);
    }

    /** Removes a registry; for Docker Hub, forgets its credentials. */
    public void delete(String name) {
        Optional<Registry> stored = registries.get(name);
        if (stored.isEmpty()) {
            if (RegistryAddress.DOCKER_HUB.equals(name)) {
                throw new ApiError.Conflict("Docker Hub (docker.io) is built in and cannot be removed; it has no"
                        + " stored credentials to forget", "name", "docker.io is always present");
            }
            throw new ApiError.NotFound("registry", name);
        }
        if (!registries.delete(name, stored.get().revision())) {
            throw new ApiError.Conflict("registry '" + name + "' changed while being removed; try again");
        }
        boolean hub = RegistryAddress.isDockerHub(stored.get().host());
        events.info(Topic.LOG_REGISTRY, Action.DELETE, "registry", name, hub
                ? "credentials of Docker Hub removed; it is used anonymously" : "registry " + name + " removed");
    }

    private Optional<Registry> find(String name) {
        Optional<Registry> stored = registries.get(name);
        if (stored.isEmpty() && RegistryAddress.DOCKER_HUB.equals(name)) {
            return Optional.of(RegistryCatalog.DOCKER_HUB);
        }
        return stored;
    }

    private void refuseTakenHost(String name, String host) {
        for (Registry other : registries.list()) {
            if (other.host().equals(host) && !other.name().equals(name)) {
                throw new ApiError.Conflict("registry '" + other.name() + "' already serves " + host, "url",
                        "is served by registry '" + other.name() + "': one registry per host");
            }
        }
    }
}
